/**
 * What the webpack build writes, as Excel will load it: every HTML page loads office.js from
 * Microsoft's CDN only (in <head>, before the app bundles), nothing comes from a local office-js
 * copy, and every URL in dist/manifest.xml (built with `--env url=`) names a file the build wrote
 * at that path. One development build into a temporary folder (lib/ must be compiled, as
 * `npm run prepare` does); the production settings are checked on the resolved config.
 */
import fs from "fs";
import os from "os";
import path from "path";

const ROOT = path.resolve(__dirname, "..");
const webpack = require(path.join(ROOT, "node_modules", "webpack"));
const config = require(path.join(ROOT, "webpack.config.js"));
const { OFFICE_JS_CDN, DEV_ORIGIN, deploymentUrl, manifestFor } = config;
const { helpPageHtml } = require(path.join(ROOT, "scripts", "helpPage.js"));

const DEPLOY = "https://addins.example.test/compalign/v1";

/** Every file under dir, as forward-slash paths relative to it. */
function listFiles(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`]
    );
}

/** The src of every <script> in order, with whether it sits in <head>. */
function scripts(html: string): { src: string; inHead: boolean }[] {
  const headEnd = html.indexOf("</head>");
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => ({
    src: m[1],
    inHead: (m.index ?? 0) < headEnd,
  }));
}

function officeJsProblems(file: string, html: string): string[] {
  const problems: string[] = [];
  const list = scripts(html);
  const office = list.filter((s) => /office(\.debug)?\.js$/i.test(s.src.split("?")[0]));
  if (html.includes("office-js/")) problems.push(`${file}: references a local office-js folder`);
  if (office.length === 0) return problems;
  if (office.length > 1) problems.push(`${file}: loads office.js ${office.length} times`);
  for (const s of office)
    if (s.src !== OFFICE_JS_CDN) problems.push(`${file}: loads office.js from ${s.src}`);
  if (list[0]?.src !== OFFICE_JS_CDN || !list[0].inHead)
    problems.push(`${file}: office.js is not the first script in <head>`);
  return problems;
}

describe("the build", () => {
  let out: string;
  let files: string[];

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "compalign-build-"));
    const resolved = await config({ url: DEPLOY }, { mode: "development" });
    resolved.output.path = out;
    resolved.devtool = false;
    resolved.infrastructureLogging = { level: "error" };
    const stats: { hasErrors(): boolean; toString(o: unknown): string } = await new Promise(
      (resolve, reject) =>
        webpack(resolved, (err: Error | null, result: never) =>
          err ? reject(err) : resolve(result)
        )
    );
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
    files = listFiles(out);
  }, 300_000);

  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it("writes taskpane.html and help.html, and no local office-js files", () => {
    expect(files).toEqual(expect.arrayContaining(["taskpane.html", "help.html", "manifest.xml"]));
    expect(files.filter((f) => /(^|\/)office-js\/|(^|\/)office\.js$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith("o15apptofilemappingtable.js"))).toEqual([]);
  });

  it("every HTML page loads office.js from the CDN only, first in <head>", () => {
    const htmls = files.filter((f) => f.endsWith(".html"));
    const problems = htmls.flatMap((f) =>
      officeJsProblems(f, fs.readFileSync(path.join(out, f), "utf8"))
    );
    expect(problems).toEqual([]);
    const taskpane = scripts(fs.readFileSync(path.join(out, "taskpane.html"), "utf8"));
    expect(taskpane[0]).toEqual({ src: OFFICE_JS_CDN, inHead: true });
    // The app bundles come after office.js (the shared runtime: functions, then taskpane).
    expect(taskpane.slice(1).map((s) => s.src)).toEqual(
      expect.arrayContaining(["functions.js", "taskpane.js"])
    );
  });

  it("the office.js check catches a local copy, a second copy and a late one", () => {
    const cdn = `<script src="${OFFICE_JS_CDN}"></script>`;
    expect(
      officeJsProblems("a.html", '<head><script src="office-js/office.js"></script></head>')
    ).toEqual([
      "a.html: references a local office-js folder",
      "a.html: loads office.js from office-js/office.js",
      "a.html: office.js is not the first script in <head>",
    ]);
    expect(officeJsProblems("b.html", `<head>${cdn}${cdn}</head>`)).toEqual([
      "b.html: loads office.js 2 times",
    ]);
    expect(officeJsProblems("c.html", `<head><script src="app.js"></script>${cdn}</head>`)).toEqual(
      ["c.html: office.js is not the first script in <head>"]
    );
    expect(officeJsProblems("d.html", `<head></head><body>${cdn}</body>`)).toEqual([
      "d.html: office.js is not the first script in <head>",
    ]);
  });

  it("every URL in dist/manifest.xml is on the --env url origin and served by the build at its path", () => {
    const xml = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    // Every attribute value that is a URL, except the XML namespaces (xmlns).
    const urls = [...xml.matchAll(/\s([\w:]+)="(https?:\/\/[^"]+)"/g)]
      .filter((m) => !m[1].startsWith("xmlns"))
      .map((m) => m[2]);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(xml).not.toContain("localhost");
    const missing = urls.filter((u) => {
      if (!u.startsWith(DEPLOY + "/")) return true;
      return !files.includes(u.slice(DEPLOY.length + 1).split(/[?#]/)[0]);
    });
    expect(missing).toEqual([]);
    expect(xml).toContain(`<SupportUrl DefaultValue="${DEPLOY}/help.html"/>`);
  });

  it("help.html is the README's sideloading section", () => {
    const html = fs.readFileSync(path.join(out, "help.html"), "utf8");
    expect(html).toContain("<h2>Load the add-in into Excel (sideload)</h2>");
    expect(html).toContain("Upload My Add-in");
    expect(html).not.toMatch(/<script/);
  });
});

describe("production settings", () => {
  it("the production config loads office.js from the CDN and copies nothing from office-js", async () => {
    const resolved = await config({}, { mode: "production" });
    const html = resolved.plugins.find(
      (p: { constructor: { name: string } }) => p.constructor.name === "HtmlWebpackPlugin"
    );
    expect(html.userOptions.officeJsUrl).toBe(OFFICE_JS_CDN);
    const copy = resolved.plugins.find(
      (p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin"
    );
    expect(JSON.stringify(copy.patterns)).not.toContain("office-js");
  });

  it("--env url takes an https origin and path; the default stays localhost:3000", () => {
    expect(deploymentUrl({})).toBe(DEV_ORIGIN);
    expect(DEV_ORIGIN).toBe("https://localhost:3000");
    expect(deploymentUrl({ url: "https://contoso.com/addins/compalign/" })).toBe(
      "https://contoso.com/addins/compalign"
    );
    expect(() => deploymentUrl({ url: "http://contoso.com" })).toThrow(/only over https/);
    expect(() => deploymentUrl({ url: "https://contoso.com/?v=1" })).toThrow(/no query/);
    expect(() => deploymentUrl({ url: "contoso" })).toThrow(/not a URL/);
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(manifestFor(manifest, DEV_ORIGIN)).toBe(manifest);
    expect(manifestFor(manifest, "https://contoso.com/a")).toContain(
      '<SourceLocation DefaultValue="https://contoso.com/a/taskpane.html"/>'
    );
  });

  it("the help page refuses a README without its sideloading section", () => {
    expect(() => helpPageHtml("# CompAlign\n\n## Other\n")).toThrow(/Load the add-in into Excel/);
  });
});
