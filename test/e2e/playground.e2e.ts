/**
 * The task pane in Chromium as a person outside Excel meets it: the playground (the real pane on
 * an in-memory workbook, a preview of its sheets, the banner), served from the production build.
 *
 * Flows: set up an empty workbook → check (no errors) → break a weight through the page's test
 * hook → the pane re-checks and shows `weights-sum` → go to the cell → Alignment View, all with
 * the keyboard only; then on the sample: run two scenarios → Scenario Comparison appears in the
 * preview with the totals the engine computes here, in the test process; Download .xlsx; axe in
 * the browser on every tab; the performance marks.
 *
 * Then Pulse (run the pulse check → its tab appears, equal to the engine's) and Plan on a page
 * (write plan pages → one tab per plan, equal to the engine's).
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { writePlanPages } from "../../src/actions/explainPlans";
import { runPulseCheck } from "../../src/actions/pulseCheck";
import { runScenarioAction } from "../../src/actions/runScenarios";
import { localToday } from "../../src/taskpane/pulse/today";
import { insertSampleData } from "../../src/actions/setupWorkbook";
import { scenarioTabName } from "../../src/reports/scenarioSheets";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetValue } from "../../src/workbook/port";
import {
  axeViolations,
  baseUrl,
  collectErrors,
  expectVisibleFocus,
  focusSweep,
  openBrowser,
  screenshot,
  tabTo,
  type OpenBrowser,
} from "./support/browser";
import { RUN, SKIP } from "./support/sample";
import { ARTIFACTS, DIST } from "./support/build";

const SUITE = "playground";

let browser: OpenBrowser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(() => {
  expect(
    browser.blocked.filter((u) => !/telemetry|browser\.events|aria\.microsoft/.test(u))
  ).toEqual([]);
});

interface HookWindow {
  __compalign: {
    setCell(address: string, value: SheetValue): void;
    snapshot(name: string): { values: SheetValue[][]; owned: boolean; charts: unknown[] };
    sheetNames(): Promise<string[]>;
    ownedSheets(): Promise<string[]>;
  };
}

async function openPlayground(query = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${baseUrl()}/taskpane.html${query}`);
  await page.getByRole("region", { name: "About this playground" }).waitFor();
  await page.getByRole("complementary", { name: "Workbook preview" }).waitFor();
  return { page, errors };
}

const preview = (page: Page) => page.getByRole("complementary", { name: "Workbook preview" });

/** Sheet tabs shown in the preview, in order; CompAlign's reports end in " (CompAlign)". */
async function previewTabs(page: Page): Promise<string[]> {
  return preview(page)
    .getByRole("tablist", { name: "Sheets" })
    .getByRole("tab")
    .evaluateAll((tabs) =>
      tabs.map(
        (tab) =>
          `${tab.getAttribute("data-sheet")}${/CompAlign report/.test(tab.textContent ?? "") ? " (CompAlign)" : ""}`
      )
    );
}

/** The rows of the grid the preview shows, as the text in each cell (row numbers left out). */
async function previewRows(page: Page): Promise<string[][]> {
  return preview(page)
    .locator("[role=tabpanel] table tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent ?? ""))
    );
}

const money = (v: number) =>
  `${v < 0 ? "-" : ""}$${Math.abs(v).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;

describe("the playground in Chromium", () => {
  it("opens outside Office as the playground: banner, the pane on the sample, the preview", async () => {
    const { page, errors } = await openPlayground();
    const banner = page.getByRole("region", { name: "About this playground" });
    await expect(banner.textContent()).resolves.toMatch(/Playground/);
    await expect(banner.textContent()).resolves.toMatch(/Upload My Add-in/);
    await expect(banner.textContent()).resolves.toMatch(/npm start/);
    // The real pane, on a workbook: its Alignment actions, not "needs Excel".
    await page.getByRole("button", { name: "Set up workbook" }).waitFor();
    expect(await previewTabs(page)).toEqual([
      "Objectives",
      "Matrix",
      "Curves",
      "Reps",
      "Scenarios",
      "Pulse Settings",
    ]);
    // A grid with headers, numbers shown under their formats.
    const headers = await preview(page).locator("table thead th").allTextContents();
    expect(headers.slice(1, 4)).toEqual(["A", "B", "C"]);
    await preview(page).getByRole("tab", { name: "Matrix" }).click();
    const matrix = await previewRows(page);
    expect(matrix[0].slice(0, 5)).toEqual(["Plan", "Metric", "Objective", "Behavior", "Weight"]);
    expect(matrix[1][4]).toMatch(/^\d+%$/);
    await screenshot(page, SUITE, "sample-opened");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keyboard only: set up, check, break a weight, weights-sum, go to the cell, alignment view", async () => {
    const { page, errors } = await openPlayground("?empty=1");
    await expect(preview(page).textContent()).resolves.toMatch(/no sheets yet/);
    await screenshot(page, SUITE, "empty-opened");

    // Set up workbook.
    await tabTo(page, /^Set up workbook$/);
    await page.keyboard.press("Enter");
    await page.getByText("Workbook set up").waitFor();
    await preview(page).getByRole("tab", { name: "Scenarios" }).waitFor();
    expect(await previewTabs(page)).toEqual([
      "Objectives",
      "Matrix",
      "Curves",
      "Reps",
      "Scenarios",
    ]);
    await screenshot(page, SUITE, "set-up");

    // Check alignment: no errors.
    await tabTo(page, /^Check alignment$/);
    await page.keyboard.press("Enter");
    const summary = page.getByRole("status").filter({ hasText: /^Checked:/ });
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/^Checked: 0 errors/);
    await screenshot(page, SUITE, "checked-clean");

    // Break a weight as a user editing Matrix would; the pane re-checks by itself.
    await page.evaluate(() =>
      (window as unknown as HookWindow).__compalign.setCell("Matrix!E2", 0.6)
    );
    await summary.filter({ hasText: /^Checked: 1 error\b/ }).waitFor({ timeout: 10_000 });
    const finding = page.getByRole("button", { name: /Weights do not add up to 100%/ });
    await expect(finding.textContent()).resolves.toContain(
      "Account Executive: weights sum to 120%, not 100%."
    );
    // The preview shows the edit, under the cell's percent format.
    await preview(page).getByRole("tab", { name: "Matrix", selected: true }).waitFor();
    expect((await previewRows(page))[1][4]).toBe("60%");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SUITE, "weights-sum");

    // Go to the finding's cell: the preview shows Matrix with E2 outlined.
    await tabTo(page, /Weights do not add up to 100%.*Go to Matrix, E2/);
    await page.keyboard.press("Enter");
    await preview(page).locator('td[data-cell="E2"][data-selected="true"]').waitFor();

    // Alignment view: a sheet CompAlign owns appears in the preview, marked.
    await tabTo(page, /^Alignment view$/);
    await page.keyboard.press("Enter");
    await page.getByText("Alignment view written").waitFor();
    const viewTab = preview(page).getByRole("tab", { name: "Alignment View (CompAlign report)" });
    await viewTab.waitFor();
    expect(await viewTab.getAttribute("aria-selected")).toBe("true");
    await screenshot(page, SUITE, "alignment-view");

    // The preview's sheet tabs and grid by keyboard: arrows move between sheets.
    await tabTo(page, /^Alignment View \(CompAlign report\)$/);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await preview(page).getByRole("tab", { name: "Scenarios", selected: true }).waitFor();
    await expectVisibleFocus(page);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("region");
    await expectVisibleFocus(page);
    await screenshot(page, SUITE, "preview-keyboard");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("runs two scenarios: Scenario Comparison appears with the totals the engine computes", async () => {
    // Expected, computed here with the engine on the same sample.
    const book = new MemoryWorkbook();
    await insertSampleData(book);
    const { run } = await runScenarioAction(book, { only: RUN });
    const expected = book.snapshot("Scenario Comparison");
    const totals = run.scenarios.map((s) => s.figures.totalPayout);
    expect(run.scenarios.map((s) => s.name)).toEqual(["Baseline", ...RUN]);

    const { page, errors } = await openPlayground();
    await page.getByRole("tab", { name: "Scenarios" }).first().click();
    const picker = page.getByRole("group", { name: "Scenarios to run" });
    await picker.waitFor();
    for (const name of SKIP) await picker.getByRole("checkbox", { name, exact: true }).uncheck();
    await screenshot(page, SUITE, "scenarios-picked");
    await page.getByRole("button", { name: "Run scenarios" }).click();
    // Determinate progress while it runs.
    const progress = page.getByRole("progressbar");
    await progress.waitFor();
    expect(await progress.getAttribute("aria-valuemax")).not.toBeNull();
    await page.getByRole("heading", { name: "Results" }).waitFor({ timeout: 60_000 });
    const comparisonTab = preview(page).getByRole("tab", {
      name: "Scenario Comparison (CompAlign report)",
      selected: true,
    });
    await comparisonTab.waitFor();
    expect(await previewTabs(page)).toEqual(
      expect.arrayContaining([
        "Baseline (CompAlign)",
        `${scenarioTabName(RUN[0])} (CompAlign)`,
        `${scenarioTabName(RUN[1])} (CompAlign)`,
        "Scenario Comparison (CompAlign)",
      ])
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SUITE, "scenario-comparison");

    // The sheet the playground wrote is the one the engine writes here, value for value.
    const written = await page.evaluate(() =>
      (window as unknown as HookWindow).__compalign.snapshot("Scenario Comparison")
    );
    expect(written.values).toEqual(expected.values);
    expect(written.owned).toBe(true);
    // And the preview shows the totals, as currency.
    const totalRow = (await previewRows(page)).find((row) => row[0] === "Total payout");
    expect(totalRow?.slice(1, 4)).toEqual(totals.map(money));
    // Its charts are listed (they are native charts in the download).
    await expect(preview(page).textContent()).resolves.toMatch(/Charts on this sheet/);
    expect(errors).toEqual([]);

    // Download .xlsx: the same workbook, through the exceljs adapter, charts included.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      preview(page).getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("compalign-playground.xlsx");
    const file = join(ARTIFACTS, "compalign-playground.xlsx");
    await download.saveAs(file);
    const names = await page.evaluate(() =>
      (window as unknown as HookWindow).__compalign.sheetNames()
    );
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.readFile(file);
    expect(xlsx.worksheets.map((w) => w.name)).toEqual(names);
    const sheet = xlsx.getWorksheet("Scenario Comparison")!;
    const totalCells: number[] = [];
    sheet.eachRow((row) => {
      // The headline ("At a glance") comes first; the detailed figures repeat it below.
      if (row.getCell(1).value === "Total payout" && totalCells.length === 0)
        for (let c = 2; c <= 4; c++) totalCells.push(Number(row.getCell(c).value));
    });
    expect(totalCells).toEqual(totals);
    expect(sheet.getRow(1).getCell(1).value).toBe("Scenario Comparison");
    const zip = await JSZip.loadAsync(readFileSync(file));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBe(expected.charts.length);
    const definedNames = (
      xlsx as unknown as { definedNames: { model: { name: string }[] } }
    ).definedNames.model.map((n) => n.name);
    expect(definedNames.filter((n) => n.startsWith("CompAlign_Owned_")).length).toBe(4);
    await screenshot(page, SUITE, "downloaded");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("pulse check and plan on a page: their tabs appear in the preview, as the engine writes them", async () => {
    const book = new MemoryWorkbook();
    await insertSampleData(book);
    const pulse = await runPulseCheck(book, { today: localToday() });
    const pages = await writePlanPages(book);
    expect(pages.sheets.length).toBeGreaterThan(0);

    const { page, errors } = await openPlayground();
    const sections = page.getByRole("tablist", { name: "CompAlign sections" });

    // Pulse: run the pulse check on the sample's actuals.
    await sections.getByRole("tab", { name: "Pulse" }).click();
    await page.getByRole("button", { name: "Run pulse check" }).click();
    // The run writes the period's tab and then the Pulse Trend tab (selected, as the last written).
    await preview(page)
      .getByRole("tab", { name: "Pulse Trend (CompAlign report)", selected: true })
      .waitFor({ timeout: 30_000 });
    await preview(page)
      .getByRole("tab", { name: `${pulse.sheet.name} (CompAlign report)` })
      .waitFor({ timeout: 30_000 });
    const pulseWritten = await page.evaluate(
      (name) => (window as unknown as HookWindow).__compalign.snapshot(name),
      pulse.sheet.name
    );
    expect(pulseWritten.values).toEqual(book.snapshot(pulse.sheet.name).values);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SUITE, "pulse-check");

    // Plan on a page: one tab per plan.
    await sections.getByRole("tab", { name: "Communicate" }).click();
    // Enabled once the plans are read (on first show).
    const write = page
      .getByRole("button", { name: "Write plan pages" })
      .and(page.locator(':not([aria-disabled="true"])'));
    await write.waitFor({ timeout: 30_000 });
    await write.click();
    const last = pages.sheets[pages.sheets.length - 1].name;
    await preview(page)
      .getByRole("tab", { name: `${last} (CompAlign report)`, selected: true })
      .waitFor({ timeout: 30_000 });
    const tabs = await previewTabs(page);
    for (const sheet of pages.sheets) {
      expect(tabs).toContain(`${sheet.name} (CompAlign)`);
      const written = await page.evaluate(
        (name) => (window as unknown as HookWindow).__compalign.snapshot(name),
        sheet.name
      );
      expect(written.values).toEqual(book.snapshot(sheet.name).values);
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SUITE, "plan-pages");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("every tab of the pane, with the preview: no axe violations, every keyboard stop named and focus visible", async () => {
    const { page, errors } = await openPlayground();
    const found: string[] = [];
    const tabs = page.getByRole("tablist", { name: "CompAlign sections" }).getByRole("tab");
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < count; i++) {
      const name = (await tabs.nth(i).getAttribute("id")) ?? String(i);
      await tabs.nth(i).click();
      // Let lazy tabs finish loading and reading the workbook.
      await page
        .locator("main [role=tabpanel]:not([hidden]) .fui-Spinner")
        .first()
        .waitFor({ state: "detached" });
      await page.waitForTimeout(300);
      found.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
      // Every stop of the keyboard's tab order is named and shows focus.
      const sweep = await focusSweep(page);
      expect(sweep.stops.length).toBeGreaterThan(5);
      found.push(...sweep.problems.map((p) => `${name}: ${p}`));
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("measures the initial JS (gzip) and the time to first render", async () => {
    // Initial JS: the scripts taskpane.html loads (office.js, from Microsoft's CDN, not counted).
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
      .map((m) => m[1])
      .filter((src) => !/^https?:/.test(src));
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    const sizes = scripts.map((src) => {
      const bytes = readFileSync(join(DIST, src));
      return { src, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    const gzipKb = sizes.reduce((s, x) => s + x.gzip, 0) / 1024;

    const samples: { firstRender: number; fromStart: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.context.newPage();
      await page.goto(`${baseUrl()}/taskpane.html`);
      await page.waitForFunction(
        () => performance.getEntriesByName("compalign:first-render").length > 0
      );
      samples.push(
        await page.evaluate(() => ({
          firstRender: performance.getEntriesByName("compalign:first-render")[0].startTime,
          fromStart: performance.getEntriesByName("compalign:time-to-first-render")[0].duration,
        }))
      );
      await page.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const metrics = {
      initialJsGzipKb: Number(gzipKb.toFixed(1)),
      initialJs: sizes,
      timeToFirstRenderMs: {
        fromNavigationStart: Number(median(samples.map((s) => s.firstRender)).toFixed(1)),
        fromBundleStart: Number(median(samples.map((s) => s.fromStart)).toFixed(1)),
        samples,
      },
      chromium: browser.context.browser()?.version() ?? null,
    };
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, "metrics.json"), JSON.stringify(metrics, null, 2) + "\n");
    console.log(
      `[e2e] initial JS ${metrics.initialJsGzipKb} KB gzip (${scripts.join(", ")}); ` +
        `playground first render ${metrics.timeToFirstRenderMs.fromNavigationStart} ms after navigation start ` +
        `(${metrics.timeToFirstRenderMs.fromBundleStart} ms after the bundle started), median of 5`
    );
    expect(metrics.initialJsGzipKb).toBeLessThanOrEqual(350);
    expect(metrics.timeToFirstRenderMs.fromNavigationStart).toBeGreaterThan(0);
  });
});
