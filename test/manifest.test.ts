/**
 * Offline invariants of manifest.xml (Microsoft's validator needs the internet). The checks live
 * in scripts/manifestChecks.js, shared with `npm run validate`; this suite runs each on the real
 * manifest, then on broken copies to prove each check catches what it claims to.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { NAMESPACE } from "../src/functions/catalog";
import {
  EXPECTED_NAMESPACE,
  checks,
  customFunctionsNamespace,
  readManifest,
  readPngSize,
  runChecks,
} from "../scripts/manifestChecks";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** Runs all checks on a modified manifest (assets resolved from the project root) and returns the problems of one check. */
function problemsOf(id: string, xml: string, manifestDir = ROOT): string[] {
  const result = runChecks(xml, manifestDir).find((r) => r.id === id);
  if (!result) throw new Error(`no result for check ${id}`);
  return result.problems;
}

/** Replaces exactly one occurrence, so a test cannot silently stop mutating anything. */
function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === "string"
      ? xml.split(from).length - 1
      : (xml.match(new RegExp(from, "g")) ?? []).length;
  if (count !== 1) throw new Error(`expected exactly one match of ${from}, found ${count}`);
  return xml.replace(from, to);
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(problemsOf("wellFormed", MANIFEST)).toEqual([]);
  });

  it.each(checks.map((c) => [c.title, c.id] as const))("%s", (_title, id) => {
    expect(problemsOf(id, MANIFEST)).toEqual([]);
  });

  it("publishes the custom functions under the catalogue's namespace", () => {
    expect(EXPECTED_NAMESPACE).toBe(NAMESPACE);
    expect(customFunctionsNamespace(readManifest(MANIFEST, ROOT))).toBe(NAMESPACE);
  });

  it("ships every icon in assets/ that it references", () => {
    const manifest = readManifest(MANIFEST, ROOT);
    const icons = [...manifest.resources.Images.values()].map(
      ({ value }) => new URL(value).pathname
    );
    expect(icons.length).toBeGreaterThanOrEqual(3);
    for (const icon of icons) expect(fs.existsSync(path.join(ROOT, icon))).toBe(true);
  });
});

describe("the manifest checks catch what they claim to", () => {
  it("rejects malformed XML with its position, and runs nothing else", () => {
    const results = runChecks(replaceOnce(MANIFEST, "</Permissions>", "</Permission>"), ROOT);
    expect(results).toHaveLength(1);
    expect(results[0].problems[0]).toMatch(/not well-formed XML: line \d+, column \d+/);
  });

  it("rejects a non-GUID id and a version without four parts", () => {
    expect(
      problemsOf("id", replaceOnce(MANIFEST, /<Id>[^<]*<\/Id>/, "<Id>compalign</Id>"))
    ).toHaveLength(1);
    expect(
      problemsOf(
        "version",
        replaceOnce(MANIFEST, "<Version>1.0.0.0</Version>", "<Version>1.0.0</Version>")
      )
    ).toHaveLength(1);
    expect(
      problemsOf(
        "version",
        replaceOnce(MANIFEST, "<Version>1.0.0.0</Version>", "<Version>1.0.0.70000</Version>")
      )
    ).toHaveLength(1);
  });

  it("rejects elements out of schema order", () => {
    const permissions = "  <Permissions>ReadWriteDocument</Permissions>\n";
    const moved = replaceOnce(
      replaceOnce(MANIFEST, permissions, ""),
      "  <Hosts>\n    <Host Name",
      permissions + "  <Hosts>\n    <Host Name"
    );
    expect(problemsOf("order", moved)).toEqual(["<Hosts> must come before <Permissions>"]);
  });

  it("requires a single long-lived runtime shared by every surface", () => {
    const short = replaceOnce(MANIFEST, 'lifetime="long"', 'lifetime="short"');
    expect(problemsOf("runtime", short)).toEqual([
      '<Runtime> lifetime is "short", expected "long"',
    ]);
    const two = replaceOnce(
      MANIFEST,
      "</Runtimes>",
      '  <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>'
    );
    expect(problemsOf("runtime", two)).toEqual(["found 2 <Runtime> elements, expected exactly 1"]);
    const otherPage = replaceOnce(
      MANIFEST,
      /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/,
      '<Page>\n              <SourceLocation resid="GetStarted.LearnMoreUrl"/>'
    );
    expect(problemsOf("runtime", otherPage).join("\n")).toMatch(
      /custom functions <Page> uses resid "GetStarted.LearnMoreUrl"/
    );
  });

  /** [what is broken, the check that must name it among its problems, find, replace, the problem]. */
  const NAMED: [string, string, string, string, RegExp][] = [
    [
      "a resid defined nowhere",
      "resids",
      '<Label resid="CommandsGroup.Label"/>',
      '<Label resid="Nowhere.Label"/>',
      /resid "Nowhere.Label" is not defined in <bt:ShortStrings>/,
    ],
    [
      "a resid in the wrong resource table",
      "resids",
      '<Label resid="CommandsGroup.Label"/>',
      '<Label resid="TaskpaneButton.Tooltip"/>',
      /is a LongStrings resource, expected ShortStrings/,
    ],
    [
      "a resource id defined twice",
      "resids",
      "</bt:ShortStrings>",
      '  <bt:String id="CommandsGroup.Label" DefaultValue="Again"/>\n      </bt:ShortStrings>',
      /ShortStrings id "CommandsGroup.Label" is defined twice/,
    ],
    [
      "a URL that is not https",
      "urls",
      '"https://localhost:3000/functions.json"',
      '"http://localhost:3000/functions.json"',
      /"http:\/\/localhost:3000\/functions.json" is not https/,
    ],
    [
      "URLs on two origins",
      "urls",
      '"https://localhost:3000/functions.json"',
      '"https://cdn.example.com/functions.json"',
      /URLs span 2 origins/,
    ],
  ];
  it.each(NAMED)("%s: the %s check names it", (_, check, from, to, problem) => {
    expect(problemsOf(check, replaceOnce(MANIFEST, from, to)).join("\n")).toMatch(problem);
  });

  /** [what is broken, the check that must say so, find, replace, its one problem]. */
  const BROKEN: [string, string, string | RegExp, string, string | RegExp][] = [
    [
      "no SharedRuntime requirement",
      "requirements",
      /\s*<Set Name="SharedRuntime" MinVersion="1.1"\/>/,
      "",
      '<Requirements> does not include <Set Name="SharedRuntime" MinVersion="1.1"/>',
    ],
    [
      "another namespace than COMP",
      "customFunctions",
      '<bt:String id="Functions.Namespace" DefaultValue="COMP"/>',
      '<bt:String id="Functions.Namespace" DefaultValue="CONTOSO"/>',
      'custom functions namespace resolves to "CONTOSO", expected "COMP"',
    ],
    [
      "read-only permission",
      "permission",
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>ReadDocument</Permissions>",
      '<Permissions> is "ReadDocument", expected "ReadWriteDocument"',
    ],
    [
      "CustomFunctionsRuntime below 1.3 (ErrorCode values)",
      "requirements",
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>',
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>',
      '<Requirements> does not include <Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>',
    ],
    [
      "no ExcelApi 1.8",
      "requirements",
      /\s*<Set Name="ExcelApi" MinVersion="1.8"\/>/,
      "",
      '<Requirements> does not include <Set Name="ExcelApi" MinVersion="1.8"/>',
    ],
    [
      "Runtimes after DesktopFormFactor in Host (the add-in-only schema's child sequence)",
      "schema",
      /(\s*<Runtimes>[\s\S]*?<\/Runtimes>)([\s\S]*?<\/DesktopFormFactor>)/,
      "$2$1",
      /^<Runtimes> must come before <DesktopFormFactor> in <Host> \(line \d+\)$/,
    ],
    [
      "Urls before Images in Resources",
      "schema",
      /(\s*<bt:Images>[\s\S]*?<\/bt:Images>)(\s*<bt:Urls>[\s\S]*?<\/bt:Urls>)/,
      "$2$1",
      /^<bt:Images> must come before <bt:Urls> in <Resources>/,
    ],
    [
      "Page before Script in ExtensionPoint",
      "schema",
      /(\s*<Script>[\s\S]*?<\/Script>)(\s*<Page>[\s\S]*?<\/Page>)/,
      "$2$1",
      /^<Script> must come before <Page> in <ExtensionPoint>/,
    ],
    [
      "a stray child in Runtimes",
      "schema",
      "<Runtimes>",
      "<Runtimes><Shortcuts/>",
      /^<Shortcuts> is not a valid child of <Runtimes>/,
    ],
    [
      "a runtime lifetime that is not short or long",
      "schema",
      'lifetime="long"',
      'lifetime="forever"',
      /lifetime "forever" is not short or long$/,
    ],
    [
      "a Set MinVersion not of the form 1.8",
      "schema",
      'MinVersion="1.8"',
      'MinVersion="1.8.0"',
      /MinVersion "1.8.0" is not of the form 1.8$/,
    ],
  ];
  it.each(BROKEN)("%s: the %s check names it", (_, check, from, to, problem) => {
    expect(problemsOf(check, replaceOnce(MANIFEST, from, to))).toEqual([
      typeof problem === "string" ? problem : expect.stringMatching(problem),
    ]);
  });

  it("requires a Home-tab button that shows the task pane", () => {
    const noHome = replaceOnce(MANIFEST, '<OfficeTab id="TabHome">', '<OfficeTab id="TabData">');
    expect(problemsOf("ribbon", noHome)).toHaveLength(1);
  });

  it("requires each icon file to exist with its declared size", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compalign-manifest-"));
    try {
      fs.mkdirSync(path.join(dir, "assets"));
      for (const size of [16, 32, 64])
        fs.copyFileSync(
          path.join(ROOT, "assets", `icon-${size}.png`),
          path.join(dir, "assets", `icon-${size}.png`)
        );
      // icon-80.png missing; icon-32.png replaced by the 64 px image.
      fs.copyFileSync(
        path.join(ROOT, "assets", "icon-64.png"),
        path.join(dir, "assets", "icon-32.png")
      );
      const problems = problemsOf("icons", MANIFEST, dir).join("\n");
      expect(problems).toMatch(/icon-80\.png does not exist/);
      expect(problems).toMatch(/\/assets\/icon-32\.png is 64×64, declared 32×32/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads PNG sizes from the header, and rejects what is not a PNG", () => {
    expect(readPngSize(fs.readFileSync(path.join(ROOT, "assets", "icon-80.png")))).toEqual({
      width: 80,
      height: 80,
    });
    expect(readPngSize(Buffer.from("GIF89a not a png at all......"))).toBeNull();
  });
});
