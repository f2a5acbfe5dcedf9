/**
 * What the end-to-end tests need built, rebuilt only when its inputs changed:
 * - lib/ (`npm run prepare`): the compiled engine the tests compute expected figures with, and
 *   the catalogue webpack reads functions.json from;
 * - the task pane, production mode, into test/e2e/artifacts/dist (not dist/, so a running dev
 *   server or someone else's build is left alone);
 * - the recording fake of Excel's object model (test/workbook/officeFake) as one browser
 *   script, test/e2e/artifacts/fake-excel.js, injected into the page before the bundle loads.
 * COMPALIGN_E2E_REBUILD=1 rebuilds everything.
 */

"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..", "..", "..");
const ARTIFACTS = path.join(ROOT, "test", "e2e", "artifacts");
const DIST = path.join(ARTIFACTS, "dist");
const FAKE_EXCEL = path.join(ARTIFACTS, "fake-excel.js");
const STAMP = path.join(DIST, ".e2e-build.json");
const LIB_DIRS = ["engine", "functions", "workbook", "model", "reports", "actions", "cli"];

const force = () => process.env.COMPALIGN_E2E_REBUILD === "1";

/** The newest modification time under these files and folders (0 when none exist). */
function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      if (path.basename(p) === "node_modules") return;
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

function run(label, command, args) {
  const t0 = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}`, seconds, label };
}

/** lib/ compiled from src when missing or older than its sources. */
function ensureLib(log = console.log) {
  const sources = newest(LIB_DIRS.map((d) => path.join(ROOT, "src", d)));
  const compiled = newest(LIB_DIRS.map((d) => path.join(ROOT, "lib", d)));
  const needed = ["actions/index.js", "workbook/memory/index.js", "reports/scenarioSheets.js"];
  const missing = needed.some((f) => !fs.existsSync(path.join(ROOT, "lib", f)));
  if (!force() && !missing && compiled >= sources) return false;
  const r = run("lib", process.execPath, [
    path.join(ROOT, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    "tsconfig.node.json",
  ]);
  // tsc emits even when it reports type errors; the typecheck step is where those fail.
  if (!r.ok && needed.some((f) => !fs.existsSync(path.join(ROOT, "lib", f)))) {
    throw new Error(`compiling lib/ failed:\n${r.output}`);
  }
  log(
    `[e2e] compiled lib/ in ${r.seconds} s${r.ok ? "" : " (tsc reported errors; see npm run typecheck)"}`
  );
  return true;
}

/** The production task pane in test/e2e/artifacts/dist, rebuilt when its inputs changed. */
function ensureTaskpane(log = console.log) {
  const inputs = newest([
    path.join(ROOT, "src"),
    path.join(ROOT, "assets"),
    path.join(ROOT, "lib", "functions"),
    path.join(ROOT, "webpack.config.js"),
    path.join(ROOT, "manifest.xml"),
    path.join(ROOT, "package-lock.json"),
    path.join(ROOT, "tsconfig.json"),
  ]);
  let stamp = null;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, "utf8"));
  } catch {
    stamp = null;
  }
  if (
    !force() &&
    stamp &&
    stamp.inputs >= inputs &&
    fs.existsSync(path.join(DIST, "taskpane.html"))
  )
    return false;
  const r = run("taskpane", process.execPath, [
    path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
    "--mode",
    "production",
    "--output-path",
    DIST,
  ]);
  if (!r.ok) throw new Error(`building the task pane failed:\n${r.output}`);
  fs.writeFileSync(STAMP, JSON.stringify({ inputs, builtAt: new Date().toISOString() }));
  log(`[e2e] built the task pane (production) into ${path.relative(ROOT, DIST)} in ${r.seconds} s`);
  return true;
}

/** test/workbook/officeFake as one browser script defining window.__CompAlignFakeExcel. */
async function ensureFakeExcel(log = console.log) {
  const entry = path.join(__dirname, "fakeExcelEntry.ts");
  const inputs = newest([
    entry,
    path.join(ROOT, "test", "workbook", "officeFake"),
    path.join(ROOT, "src", "workbook"),
  ]);
  if (!force() && fs.existsSync(FAKE_EXCEL) && fs.statSync(FAKE_EXCEL).mtimeMs >= inputs)
    return false;
  const webpack = require(path.join(ROOT, "node_modules", "webpack"));
  const t0 = Date.now();
  const stats = await new Promise((resolve, reject) =>
    webpack({
      mode: "development",
      devtool: false,
      target: "web",
      context: ROOT,
      entry,
      output: { path: ARTIFACTS, filename: path.basename(FAKE_EXCEL), iife: true },
      resolve: { extensions: [".ts", ".js"] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: {
              loader: "ts-loader",
              options: {
                configFile: path.join(ROOT, "tsconfig.json"),
                transpileOnly: true,
                compilerOptions: { module: "esnext", sourceMap: false },
              },
            },
          },
        ],
      },
    }).run((error, result) => (error ? reject(error) : resolve(result)))
  );
  if (stats.hasErrors())
    throw new Error(`bundling the fake Excel failed:\n${stats.toString("errors-only")}`);
  log(`[e2e] bundled the fake Excel in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

module.exports = { ROOT, ARTIFACTS, DIST, FAKE_EXCEL, ensureLib, ensureTaskpane, ensureFakeExcel };
