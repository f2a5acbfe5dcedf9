#!/usr/bin/env node
/**
 * Main-thread responsiveness of the task pane, measured in Chromium on the production build of
 * the playground (`npm run bench:pane`; builds what is stale first, as the end-to-end tests do,
 * into test/e2e/artifacts/dist):
 *
 * - first render: `compalign:first-render` from navigation start, median of --loads loads;
 * - Run scenarios on a --reps roster (the sample's reps repeated under new names; 20,000 by
 *   default), with the pane's Web Worker and with Worker removed from the page (the main-thread
 *   fallback): longest main-thread task (Long Tasks API), number of long tasks and their total,
 *   the longest gap between two progress updates the pane showed, and the run's duration;
 * - Cancel during that run: clicked as soon as the first scenario is computed; the time from
 *   the click to the "Cancelled" message, and that no scenario tab was written;
 * - Cost at risk on a --risk-reps roster (1,000 by default) with --trials trials (10,000), the
 *   sample's scenarios, in the worker: duration and longest main-thread task.
 *
 * --risk-scenarios N (≥ 2) keeps the first N − 1 scenarios of the sample's Scenarios sheet: N = 2
 * is the Baseline and one scenario (the pane shows cost at risk only beside a scenario list, so
 * the Baseline alone, issue #9's 1 × 1,000 reps × 10,000 trials, is not runnable there).
 *
 *   node scripts/measure-pane.js [--reps 20000] [--risk-reps 1000] [--trials 10000] [--loads 5]
 *                                [--risk-scenarios N]
 *                                [--only first-render,scenarios,scenarios-worker,cancel,risk] [--profile]
 *                                [--json out.json]
 *
 * --profile records a CPU profile of the worker run and prints the functions with the most
 * self time on the main thread. Figures depend on the machine and its load: compare runs made
 * together (docs/benchmarks.md, "Task pane responsiveness").
 */
/* global window, document, MutationObserver */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const { DIST, ensureLib, ensureTaskpane } = require(
  path.join(ROOT, "test", "e2e", "support", "build.js")
);
const { CHROMIUM, CHROMIUM_FLAGS } = require(
  path.join(ROOT, "test", "e2e", "support", "chromium.js")
);
const { startServer } = require(path.join(__dirname, "serve-playground.js"));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith("--")) return true;
  return value;
}

const REPS = Number(option("reps", 20_000));
const RISK_REPS = Number(option("risk-reps", 1_000));
const TRIALS = Number(option("trials", 10_000));
/** Scenarios the cost-at-risk run simulates, the Baseline included (all of the sample's when omitted). */
const RISK_SCENARIOS =
  option("risk-scenarios", null) === null ? null : Number(option("risk-scenarios"));
// The pane offers cost at risk only beside a scenario list: the Baseline alone is not runnable.
if (RISK_SCENARIOS !== null && !(Number.isInteger(RISK_SCENARIOS) && RISK_SCENARIOS >= 2))
  throw new Error(
    "--risk-scenarios takes a whole number ≥ 2 (the Baseline and a scenario or more)"
  );
const LOADS = Number(option("loads", 5));
const ONLY = String(option("only", "first-render,scenarios,cancel,risk")).split(",");
const PROFILE = option("profile", false) === true;
const JSON_OUT = option("json", null);

const OFFICE_JS_DIR = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

async function openBrowser(url) {
  const { chromium } = require("playwright-core");
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "compalign-measure-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  const local = new URL(url);
  await context.route("**/*", async (route) => {
    const target = new URL(route.request().url());
    if (target.host === local.host || target.protocol === "data:" || target.protocol === "blob:")
      return route.continue();
    const file = target.pathname.split("/").pop() ?? "";
    if (
      target.hostname === "appsforoffice.microsoft.com" &&
      (file === "office.js" || file === "o15apptofilemappingtable.js")
    )
      return route.fulfill({
        status: 200,
        contentType: "text/javascript",
        body: fs.readFileSync(path.join(OFFICE_JS_DIR, file), "utf8"),
      });
    return route.abort("blockedbyclient");
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the playground, optionally without Worker, and waits for its first render. */
async function openPlayground(context, url, { worker = true } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  if (!worker)
    await page.addInitScript(() => {
      delete window.Worker;
    });
  await page.goto(`${url}/taskpane.html`);
  await page.getByRole("region", { name: "About this playground" }).waitFor({ timeout: 60_000 });
  return { page, errors };
}

/** Replaces the sample's Reps with `reps` rows (the sample's reps repeated under new names). */
function growRoster(page, reps) {
  return page.evaluate(async (count) => {
    const book = window.__compalign.book;
    const [sheet] = await book.readSheets(["Reps"]);
    const [header, ...rows] = sheet.values;
    const grown = [header];
    for (let i = 0; i < count; i++) {
      const row = rows[i % rows.length].slice();
      row[0] = `${row[0]} ${Math.floor(i / rows.length) + 1}`;
      grown.push(row);
    }
    book.removeSheet("Reps");
    await book.createSheet({ name: "Reps", blocks: [{ at: "A1", values: grown }] });
  }, reps);
}

/**
 * Starts recording long tasks and the times the text of `progressLabel`'s field changes (what
 * the user sees move), from now on.
 */
function startRecording(page, progressLabel) {
  return page.evaluate((label) => {
    const w = window;
    w.__measure = { tasks: [], updates: [], last: null };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__measure.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
    const sample = () => {
      const bar = [...document.querySelectorAll('[role="progressbar"]')].find((el) =>
        (el.getAttribute("aria-labelledby") || "")
          .split(" ")
          .some((id) => document.getElementById(id)?.textContent?.includes(label))
      );
      const field = bar?.closest("[class*='fui-Field']") ?? bar?.parentElement;
      const text = field ? `${field.textContent}|${bar.getAttribute("aria-valuenow")}` : null;
      if (text !== w.__measure.last) {
        w.__measure.last = text;
        if (text !== null) w.__measure.updates.push({ at: performance.now(), text });
      }
    };
    new MutationObserver(sample).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["aria-valuenow"],
    });
  }, progressLabel);
}

/**
 * Waits for `pattern` in the page's text, seen by a MutationObserver (so a label shown briefly is
 * not missed, and nothing polls: Playwright's locators walk the accessibility tree and force
 * layout, which would show up as long tasks).
 */
function waitForText(page, pattern, timeout = 600_000) {
  return page.evaluate(
    ([source, ms]) =>
      new Promise((resolve, reject) => {
        const re = new RegExp(source);
        if (re.test(document.body.textContent)) return resolve();
        const observer = new MutationObserver(() => {
          if (!re.test(document.body.textContent)) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`"${source}" did not appear within ${ms} ms`));
        }, ms);
      }),
    [pattern.source, timeout]
  );
}

async function stopRecording(page) {
  const m = await page.evaluate(() => window.__measure);
  const durations = m.tasks.map((t) => t.duration);
  let gap = 0;
  let gapAfter = "";
  for (let i = 1; i < m.updates.length; i++) {
    const d = m.updates[i].at - m.updates[i - 1].at;
    if (d > gap) {
      gap = d;
      gapAfter = m.updates[i - 1].text;
    }
  }
  return {
    longestTask: Math.round(Math.max(0, ...durations)),
    longTasks: durations.length,
    inLongTasks: Math.round(durations.reduce((a, b) => a + b, 0)),
    progressUpdates: m.updates.length,
    longestProgressGap: Math.round(gap),
    longestGapAfter: gapAfter.replace(/\|.*$/, ""),
  };
}

async function firstRender(context, url) {
  const samples = [];
  for (let i = 0; i < LOADS; i++) {
    const { page } = await openPlayground(context, url);
    await page.waitForFunction(
      () => performance.getEntriesByName("compalign:first-render").length > 0
    );
    samples.push(
      await page.evaluate(() => ({
        fromNavigation: performance.getEntriesByName("compalign:first-render")[0].startTime,
        fromStart: performance.getEntriesByName("compalign:time-to-first-render")[0].duration,
      }))
    );
    await page.close();
  }
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    loads: LOADS,
    medianFromNavigation: Math.round(median(samples.map((s) => s.fromNavigation))),
    medianFromBundleStart: Math.round(median(samples.map((s) => s.fromStart))),
  };
}

async function openScenarios(page) {
  await page.getByRole("tab", { name: "Scenarios" }).first().click();
  await page.getByRole("group", { name: "Scenarios to run" }).waitFor({ timeout: 120_000 });
}

async function profileTop(cdp) {
  const { profile } = await cdp.send("Profiler.stop");
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${path.basename(f.url || "")}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(program)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${k}`);
}

async function scenarioRun(context, url, worker) {
  const { page, errors } = await openPlayground(context, url, { worker });
  await growRoster(page, REPS);
  await openScenarios(page);
  let cdp = null;
  if (PROFILE && worker) {
    cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  await startRecording(page, "Run progress");
  const t0 = Date.now();
  await page.getByRole("button", { name: "Run scenarios" }).click();
  await waitForText(page, /Done: \d+ scenarios? computed/);
  const seconds = (Date.now() - t0) / 1000;
  const measured = await stopRecording(page);
  const profile = cdp ? await profileTop(cdp) : null;
  const tabs = await page.evaluate(() => window.__compalign.ownedSheets());
  const ran = await page.evaluate(() => typeof Worker !== "undefined");
  await page.close();
  return { worker: ran, ...measured, seconds: Number(seconds.toFixed(2)), tabs, errors, profile };
}

async function cancelRun(context, url) {
  const { page, errors } = await openPlayground(context, url);
  await growRoster(page, REPS);
  await openScenarios(page);
  const before = await page.evaluate(() => window.__compalign.ownedSheets());
  await startRecording(page, "Run progress");
  await page.getByRole("button", { name: "Run scenarios" }).click();
  // As soon as the first scenario is computed, Cancel.
  await waitForText(page, /Computed Baseline/);
  const t0 = Date.now();
  await page.getByRole("button", { name: "Cancel", exact: true }).click({ timeout: 5_000 });
  const clickMs = Date.now() - t0;
  await waitForText(page, /Cancelled: the workbook was left as it was/, 60_000);
  const toCancelled = Date.now() - t0;
  const measured = await stopRecording(page);
  const after = await page.evaluate(() => window.__compalign.ownedSheets());
  await page.close();
  return {
    clickMs,
    clickToCancelledMs: toCancelled,
    tabsUnchanged: JSON.stringify(before) === JSON.stringify(after),
    ...measured,
    errors,
  };
}

/** Keeps the Scenarios sheet's rows of its first `count` − 1 scenarios (the Baseline always runs). */
function keepScenarios(page, count) {
  return page.evaluate(async (keep) => {
    const book = window.__compalign.book;
    const [sheet] = await book.readSheets(["Scenarios"]);
    const [header, ...rows] = sheet.values;
    const names = [];
    const kept = rows.filter((row) => {
      const name = String(row[0] ?? "");
      if (!names.includes(name) && names.length < keep) names.push(name);
      return names.includes(name);
    });
    book.removeSheet("Scenarios");
    await book.createSheet({
      name: "Scenarios",
      blocks: [{ at: "A1", values: [header, ...kept] }],
    });
  }, count - 1);
}

async function riskRun(context, url) {
  const { page, errors } = await openPlayground(context, url);
  await growRoster(page, RISK_REPS);
  const settings = await page.evaluate(async (trials) => {
    const hook = window.__compalign;
    const names = await hook.sheetNames();
    if (!names.includes("Risk Settings")) {
      // The sample has none: the defaults (10,000 trials), or a sheet that sets the trials.
      if (trials === 10_000) return "defaults (no Risk Settings sheet): 10,000 trials";
      await hook.book.createSheet({
        name: "Risk Settings",
        blocks: [
          {
            at: "A1",
            values: [
              ["Setting", "Value"],
              ["Trials", trials],
            ],
          },
        ],
      });
      return `Risk Settings: Trials ${trials}`;
    }
    const rows = hook.snapshot("Risk Settings").values;
    const r = rows.findIndex((row) => String(row[0]).toLowerCase() === "trials");
    if (r < 0) throw new Error("Risk Settings has no Trials row");
    hook.setCell(`'Risk Settings'!B${r + 1}`, trials);
    return `Risk Settings: Trials ${trials}`;
  }, TRIALS);
  if (RISK_SCENARIOS !== null) await keepScenarios(page, RISK_SCENARIOS);
  await openScenarios(page);
  await startRecording(page, "Cost at risk progress");
  const t0 = Date.now();
  await page.getByRole("button", { name: "Run cost at risk" }).click();
  await waitForText(page, /Done: \d+ scenarios simulated/);
  const seconds = (Date.now() - t0) / 1000;
  const measured = await stopRecording(page);
  const scenarios = await page.evaluate(() => {
    const rows = window.__compalign.snapshot("Plan Cost at Risk").values;
    return rows.filter((row) => row.some((v) => v !== null && v !== "")).length;
  });
  await page.close();
  return { ...measured, seconds: Number(seconds.toFixed(2)), settings, rows: scenarios, errors };
}

async function main() {
  ensureLib();
  ensureTaskpane();
  const server = await startServer({ root: DIST });
  const browser = await openBrowser(server.url);
  const report = {
    when: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
    reps: REPS,
  };
  try {
    if (ONLY.includes("first-render")) {
      report.firstRender = await firstRender(browser.context, server.url);
      console.log("first render", report.firstRender);
    }
    if (ONLY.includes("scenarios") || ONLY.includes("scenarios-worker")) {
      if (ONLY.includes("scenarios")) {
        report.scenariosMainThread = await scenarioRun(browser.context, server.url, false);
        console.log("Run scenarios, main thread", report.scenariosMainThread);
      }
      report.scenariosWorker = await scenarioRun(browser.context, server.url, true);
      console.log("Run scenarios, worker", report.scenariosWorker);
      if (report.scenariosWorker.profile) console.log(report.scenariosWorker.profile.join("\n"));
    }
    if (ONLY.includes("cancel")) {
      report.cancel = await cancelRun(browser.context, server.url);
      console.log("Cancel mid-run", report.cancel);
    }
    if (ONLY.includes("risk")) {
      report.risk = {
        reps: RISK_REPS,
        trials: TRIALS,
        ...(await riskRun(browser.context, server.url)),
      };
      console.log("Cost at risk", report.risk);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report.loadAfter = os.loadavg().map((l) => Number(l.toFixed(1)));
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(report, null, 2) + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
