/**
 * Run scenarios on a 20,000-rep roster in the playground (production build, Chromium): the
 * longest main-thread task (Long Tasks API) with the computation in the pane's Web Worker, and
 * with Worker removed from the page (the main-thread fallback, as the pane ran before the
 * worker). Both runs must write the same tabs; the figures go to
 * test/e2e/artifacts/reports/scenario-long-tasks.txt and docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { baseUrl, collectErrors, openBrowser, type OpenBrowser } from "./support/browser";
import { ARTIFACTS } from "./support/build";

const REPS = 20_000;

let browser: OpenBrowser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface RunMeasure {
  longest: number;
  count: number;
  total: number;
  seconds: number;
  worker: boolean;
  tabs: string[];
}

async function measureRun(withWorker: boolean): Promise<{ measure: RunMeasure; errors: string[] }> {
  const page: Page = await browser.context.newPage();
  const errors = collectErrors(page);
  if (!withWorker)
    await page.addInitScript(() => {
      delete (window as { Worker?: unknown }).Worker;
    });
  await page.goto(`${baseUrl()}/taskpane.html`);
  await page.getByRole("region", { name: "About this playground" }).waitFor();
  // Grow the sample's roster to REPS reps (each rep repeated under a new name), in one change.
  await page.evaluate((reps) => {
    const hook = (
      window as unknown as {
        __compalign: {
          book: {
            readSheets(n: string[]): Promise<({ values: unknown[][] } | null)[]>;
            removeSheet(n: string): void;
            createSheet(spec: unknown): Promise<unknown>;
          };
        };
      }
    ).__compalign;
    return hook.book.readSheets(["Reps"]).then(async ([sheet]) => {
      const [header, ...rows] = sheet!.values;
      const grown = [header];
      for (let i = 0; i < reps; i++) {
        const row = rows[i % rows.length].slice();
        row[0] = `${row[0]} ${Math.floor(i / rows.length) + 1}`;
        grown.push(row);
      }
      hook.book.removeSheet("Reps");
      await hook.book.createSheet({ name: "Reps", blocks: [{ at: "A1", values: grown }] });
    });
  }, REPS);
  await page.getByRole("tab", { name: "Scenarios" }).first().click();
  await page.getByRole("group", { name: "Scenarios to run" }).waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
  });
  const t0 = Date.now();
  await page.getByRole("button", { name: "Run scenarios" }).click();
  await page.getByRole("heading", { name: "Results" }).waitFor({ timeout: 300_000 });
  const seconds = (Date.now() - t0) / 1000;
  const tasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks
  );
  const tabs = await page.evaluate(() =>
    (
      window as unknown as { __compalign: { ownedSheets(): Promise<string[]> } }
    ).__compalign.ownedSheets()
  );
  const worker = await page.evaluate(() => typeof Worker !== "undefined");
  await page.close();
  return {
    measure: {
      longest: Math.round(Math.max(0, ...tasks)),
      count: tasks.length,
      total: Math.round(tasks.reduce((a, b) => a + b, 0)),
      seconds,
      worker,
      tabs,
    },
    errors,
  };
}

describe("Run scenarios on 20,000 reps in the playground", () => {
  it("computes in the worker, and writes the same tabs as on the main thread", async () => {
    const main = await measureRun(false);
    const worker = await measureRun(true);
    expect(main.measure.worker).toBe(false);
    expect(worker.measure.worker).toBe(true);
    expect(worker.errors).toEqual([]);
    expect(worker.measure.tabs).toEqual(main.measure.tabs);
    expect(worker.measure.tabs.length).toBeGreaterThanOrEqual(2);
    const line = (label: string, m: RunMeasure) =>
      `${label}: longest main-thread task ${m.longest} ms; ${m.count} long tasks, ${m.total} ms in all; run ${m.seconds.toFixed(1)} s`;
    mkdirSync(join(ARTIFACTS, "reports"), { recursive: true });
    writeFileSync(
      join(ARTIFACTS, "reports", "scenario-long-tasks.txt"),
      `Run scenarios, ${REPS.toLocaleString("en-US")} reps, playground (production build, Chromium):\n` +
        `${line("main thread (no Worker)", main.measure)}\n${line("Web Worker", worker.measure)}\n`
    );
  }, 900_000);
});
