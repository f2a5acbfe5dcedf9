/**
 * The development build as `npm run dev-server` serves it (webpack serve --mode development; over
 * plain http here, `--env http`, since this machine has no trusted certificate): the page asks
 * for office.js at Microsoft's CDN and for nothing under a local office-js folder. The CDN
 * request is intercepted (no network) and answered with @microsoft/office-js, so the pane still
 * opens, outside Office, as the playground.
 */
import { spawn, type ChildProcess } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { createServer } from "net";
import { tmpdir } from "os";
import { join } from "path";
import { chromium } from "playwright-core";
import { ROOT } from "./support/build";
import { CHROMIUM, CHROMIUM_FLAGS } from "./support/chromium";

const CDN_FOLDER = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const CDN = `${CDN_FOLDER}office.js`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let devServer: ChildProcess | undefined;

afterAll(() => {
  devServer?.kill("SIGTERM");
});

it("the dev server's page loads office.js from the CDN only, and opens as the playground", async () => {
  const port = await freePort();
  devServer = spawn(
    process.execPath,
    [
      join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
      "serve",
      "--mode",
      "development",
      "--env",
      "http",
    ],
    { cwd: ROOT, env: { ...process.env, npm_package_config_dev_server_port: String(port) } }
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("task pane playground ready")) resolve();
    };
    devServer!.stdout!.on("data", onData);
    devServer!.stderr!.on("data", onData);
    devServer!.once("exit", (code) => reject(new Error(`dev server exited ${code}:\n${output}`)));
  });

  const userDataDir = mkdtempSync(join(tmpdir(), "compalign-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const requested: string[] = [];
  try {
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      requested.push(url);
      if (url.startsWith(`http://localhost:${port}/`)) return route.continue();
      // office.js and the mapping table it loads from its own folder, answered locally.
      const file = url.startsWith(CDN_FOLDER) ? url.slice(CDN_FOLDER.length) : "";
      if (file === "office.js" || file === "o15apptofilemappingtable.js")
        return route.fulfill({
          status: 200,
          contentType: "text/javascript",
          body: readFileSync(
            join(ROOT, "node_modules", "@microsoft", "office-js", "dist", file),
            "utf8"
          ),
        });
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    await page.goto(`http://localhost:${port}/taskpane.html`);
    await page.getByRole("region", { name: "About this playground" }).waitFor({ timeout: 120_000 });
    const office = requested.filter((u) =>
      /office(\.debug)?\.js|office-js\/|o15apptofilemappingtable/.test(u)
    );
    expect(office[0]).toBe(CDN);
    expect(office.filter((u) => u.startsWith(`http://localhost:${port}/`))).toEqual([]);
    expect(requested.filter((u) => u.includes("/office-js/"))).toEqual([]);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}, 600_000);
