/**
 * The task pane in Chromium as if inside Excel: before the bundle loads, the page gets a
 * recording fake of Excel's object model (test/workbook/officeFake, bundled for the browser) as
 * `Excel.run`, and an `Office` whose onReady reports Excel as the host. The pane then takes its
 * Excel path (the Office.js adapter, lazily loaded, one Excel.run per action) and its actions
 * run through the real adapter against the fake. The tests assert on what was written (sheets,
 * values, number formats, tables, drop-downs, charts, ownership names, the selection) and on
 * the context.sync() calls of each action: as many as the memory workbook counts for the same
 * action run here in the test process (the figures docs/architecture.md states), every write
 * request with calculation suspended, none failed.
 */
import { readFileSync } from "fs";
import type { Page } from "playwright-core";
import { runAlignmentCheck, writeAlignmentView } from "../../src/actions/checkAlignment";
import { runScenarioAction } from "../../src/actions/runScenarios";
import { insertSampleData, setupWorkbook } from "../../src/actions/setupWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetValue, WorkbookPort } from "../../src/workbook/port";
import {
  baseUrl,
  collectErrors,
  openBrowser,
  screenshot,
  type OpenBrowser,
} from "./support/browser";
import { RUN, SKIP } from "./support/sample";
import { FAKE_EXCEL } from "./support/build";

const SUITE = "office-adapter";

let browser: OpenBrowser;

beforeAll(async () => {
  browser = await openBrowser({ officeJs: "empty" });
});

afterAll(async () => {
  await browser?.close();
});

/** Runs in the page before any of its scripts: the fake Excel, and Office reporting Excel. */
function installFakeOffice(dark: boolean): void {
  type Lib = {
    FakeBook: { with(sheets: Record<string, unknown[][]>): unknown };
    installFakeExcel(book: unknown): unknown;
  };
  const w = window as unknown as {
    __CompAlignFakeExcel: Lib;
    __fakeExcel: unknown;
    Office: unknown;
  };
  const lib = w.__CompAlignFakeExcel;
  // A new workbook, as Excel opens one.
  const book = lib.FakeBook.with({ Sheet1: [] });
  const excel = lib.installFakeExcel(book);
  const info = { host: "Excel", platform: "PC" };
  w.Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint" },
    PlatformType: { PC: "PC" },
    onReady(callback?: (i: typeof info) => void) {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      // An Excel with every set the manifest requires (the pane checks them at start-up) and
      // no more: the fake models ExcelApi up to 1.8, so the optional ExcelApi 1.9 print setup is
      // skipped, as on an Excel that lacks it (the documented fallback).
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name !== "ExcelApi" || Number((version ?? "1.1").split(".")[1]) <= 8,
      },
      officeTheme: dark
        ? { isDarkTheme: true, bodyBackgroundColor: "#1F1F1F" }
        : { isDarkTheme: false, bodyBackgroundColor: "#FFFFFF" },
    },
  };
  w.__fakeExcel = { book, excel };
}

async function openInFakeExcel({ dark = false } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  const fake = readFileSync(FAKE_EXCEL, "utf8");
  await page.addInitScript({ content: `${fake}\n;(${installFakeOffice.toString()})(${dark});` });
  await page.goto(`${baseUrl()}/taskpane.html`);
  await page.getByRole("tablist", { name: "CompAlign sections" }).waitFor();
  return { page, errors };
}

interface SyncInfo {
  writes: number;
  calculationSuspended: boolean;
  failed: boolean;
  ops: string[];
}

interface FakeState {
  sheets: {
    name: string;
    values: SheetValue[][];
    tables: { name: string; range: string }[];
    charts: { title: string | null; type: string }[];
    validations: number;
    colorScales: number;
    freeze: { rows: number; columns: number } | null;
    tabColor: string;
    numberFormat(a1: string): string | null;
  }[];
  names: { name: string; sheet: string | null; visible: boolean }[];
  selection: { sheet: string; address: string } | null;
  /** Syncs of each Excel.run context, in order; `watch` marks table-watch registrations. */
  contexts: { watch: boolean; syncs: SyncInfo[] }[];
}

type PageState = Omit<FakeState, "sheets"> & {
  sheets: (Omit<FakeState["sheets"][number], "numberFormat"> & {
    formats: Record<string, string | null>;
  })[];
};

/** What the fake workbook holds and what each context synced, read from the page. */
async function fakeState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    type Range = { start: { row: number; col: number }; rows: number; cols: number };
    const letters = (col: number) => {
      let n = col + 1;
      let out = "";
      while (n > 0) {
        out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
        n = Math.floor((n - 1) / 26);
      }
      return out;
    };
    const a1 = (r: Range) =>
      `${letters(r.start.col)}${r.start.row + 1}:${letters(r.start.col + r.cols - 1)}${r.start.row + r.rows}`;
    const { book, excel } = (window as any).__fakeExcel;
    return {
      sheets: book.sheets.map((s: any) => {
        const used = s.usedRange(true) as Range | undefined;
        const values = used
          ? (
              s.valuesOf({
                start: { row: 0, col: 0 },
                rows: used.start.row + used.rows,
                cols: used.start.col + used.cols,
              }) as SheetValue[][]
            ).map((row) => row.map((v) => (v === "" ? null : v)))
          : [];
        const formats: Record<string, string | null> = {};
        for (const [key, cell] of s.cells as Map<string, { numberFormat: string | null }>) {
          const [row, col] = key.split(",").map(Number);
          if (cell.numberFormat) formats[`${letters(col)}${row + 1}`] = cell.numberFormat;
        }
        return {
          name: s.name,
          values,
          tables: s.tables.map((t: any) => ({ name: t.name, range: a1(t.range) })),
          charts: s.charts.map((c: any) => ({ title: c.title, type: c.type })),
          validations: s.validations.length,
          colorScales: s.conditionalFormats.filter((f: any) => f.type === "ColorScale").length,
          freeze: s.freeze,
          tabColor: s.tabColor,
          formats,
        };
      }),
      names: book.names.map((n: any) => ({
        name: n.name,
        sheet: n.sheet ? n.sheet.name : null,
        visible: n.visible,
      })),
      selection: book.selection,
      contexts: excel.contexts.map((c: any) => ({
        watch: c.syncs.some((s: any) =>
          s.ops.some((op: string) => op.startsWith("table.onChanged"))
        ),
        syncs: c.syncs.map((s: any) => ({
          writes: s.writes,
          calculationSuspended: s.calculationSuspended,
          failed: s.failed,
          ops: s.ops,
        })),
      })),
    };
  });
}

/** The action contexts (not table-watch registrations) created after `before` contexts. */
/**
 * The pane's sheet-list probe (does the workbook have a Matrix yet? it picks the tab's primary
 * action): one read of the sheet names and defined names, nothing else.
 */
const isSheetListProbe = (c: PageState["contexts"][number]) =>
  c.syncs.length === 1 &&
  c.syncs[0].writes === 0 &&
  c.syncs[0].ops.every(
    (op) => op.startsWith("WorksheetCollection.load(") || op.startsWith("NamedItemCollection.load(")
  );

function actionContexts(state: PageState, before: number) {
  return state.contexts.slice(before).filter((c) => !c.watch && !isSheetListProbe(c));
}

/** The pane's action ran in one Excel.run of `count` syncs (as many as the memory workbook counts); its syncs. */
function oneRun(state: PageState, before: number, count: number): SyncInfo[] {
  const runs = actionContexts(state, before);
  expect(runs).toHaveLength(1);
  expect(runs[0].syncs).toHaveLength(count);
  return runs[0].syncs;
}

/** Every request that wrote suspended calculation first; none failed. */
function expectWriteDiscipline(syncs: SyncInfo[]) {
  for (const sync of syncs) {
    expect(sync.failed).toBe(false);
    if (sync.writes > 0) expect(sync.calculationSuspended).toBe(true);
  }
}

/** Syncs the memory workbook counts for an action (what the Office adapter should make). */
async function memorySyncs<T>(book: MemoryWorkbook, action: (b: WorkbookPort) => Promise<T>) {
  const before = book.syncCount;
  const result = await action(book);
  return { syncs: book.syncCount - before, result };
}

async function valuesOf(book: MemoryWorkbook, name: string): Promise<SheetValue[][]> {
  const [data] = await book.readSheets([name]);
  return data!.values;
}

describe("the task pane on a recording fake of Excel, through the Office.js adapter", () => {
  it("Alignment: set up, check, re-check on a table edit, go to cell, alignment view (twice)", async () => {
    const memory = new MemoryWorkbook();
    const { page, errors } = await openInFakeExcel();
    // In Excel the Alignment tab opens first, on the workbook (no playground, no preview).
    await page.getByRole("button", { name: "Set up workbook" }).waitFor();
    expect(await page.getByRole("complementary", { name: "Workbook preview" }).count()).toBe(0);
    let state = await fakeState(page);
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);

    // Set up workbook: five input sheets, one Excel.run.
    let before = state.contexts.length;
    await page.getByRole("button", { name: "Set up workbook" }).click();
    await page.getByText("Workbook set up").waitFor();
    const setup = await memorySyncs(memory, setupWorkbook);
    state = await fakeState(page);
    const inputs = ["Objectives", "Matrix", "Curves", "Reps", "Scenarios"];
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", ...inputs]);
    for (const name of inputs) {
      const sheet = state.sheets.find((s) => s.name === name)!;
      const expected = memory.snapshot(name);
      expect(sheet.values).toEqual(await valuesOf(memory, name));
      expect(sheet.tables).toEqual(expected.tables.map((t) => ({ name: t.name, range: t.range })));
      expect(sheet.validations > 0).toBe(expected.validations.length > 0);
      expect(sheet.freeze).toEqual(expected.freeze);
    }
    const matrix = state.sheets.find((s) => s.name === "Matrix")!;
    expect(matrix.formats.E2).toBe("0%");
    let syncs = oneRun(state, before, setup.syncs);
    expectWriteDiscipline(syncs);
    await screenshot(page, SUITE, "set-up");

    // Check alignment: one read, nothing written.
    before = state.contexts.length;
    await page.getByRole("button", { name: "Check alignment" }).click();
    const summary = page.getByRole("status").filter({ hasText: /^Checked:/ });
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/^Checked: 0 errors/);
    const check = await memorySyncs(memory, runAlignmentCheck);
    expect(check.result.report.findings.filter((f) => f.severity === "error")).toEqual([]);
    state = await fakeState(page);
    syncs = oneRun(state, before, check.syncs);
    expect(syncs.every((s) => s.writes === 0)).toBe(true);

    // After a check the pane follows the input tables (Table.onChanged).
    await page.waitForFunction(() =>
      (window as any).__fakeExcel.excel.contexts.some((c: any) =>
        c.syncs.some((s: any) => s.ops.includes("table.onChanged.add()"))
      )
    );

    // A user edits a weight in the Matrix table: Excel fires onChanged; the pane re-checks.
    before = (await fakeState(page)).contexts.length;
    await page.evaluate(async () => {
      const { book } = (window as any).__fakeExcel;
      book.sheet("Matrix").cell(1, 4).value = 0.6;
      await book.fireTableChanged("Matrix", "E2");
    });
    memory.setCell("Matrix!E2", 0.6);
    await summary.filter({ hasText: /^Checked: 1 error\b/ }).waitFor({ timeout: 10_000 });
    const recheck = await memorySyncs(memory, runAlignmentCheck);
    const weights = recheck.result.report.findings.find((f) => f.rule === "weights-sum")!;
    const finding = page.getByRole("button", { name: /Weights do not add up to 100%/ });
    await expect(finding.textContent()).resolves.toContain(weights.message);
    state = await fakeState(page);
    syncs = oneRun(state, before, recheck.syncs);
    await screenshot(page, SUITE, "weights-sum");

    // Go to the cell: Excel selects Matrix!E2.
    await finding.click();
    await page.waitForFunction(() => (window as any).__fakeExcel.book.selection !== null);
    state = await fakeState(page);
    expect(state.selection?.sheet).toBe("Matrix");
    expect(state.selection?.address).toMatch(/E2$/);

    // Alignment view: written as a sheet CompAlign owns, in the syncs the memory workbook counts.
    before = state.contexts.length;
    await page.getByRole("button", { name: "Alignment view" }).click();
    await page.getByText("Alignment view written").waitFor();
    const view = await memorySyncs(memory, writeAlignmentView);
    state = await fakeState(page);
    const written = state.sheets.find((s) => s.name === "Alignment View")!;
    expect(written).toBeDefined();
    const expectedView = memory.snapshot("Alignment View");
    expect(written.values).toEqual(await valuesOf(memory, "Alignment View"));
    expect(written.colorScales).toBe(expectedView.colorScales.length);
    expect(written.tables).toEqual(
      expectedView.tables.map((t) => ({ name: t.name, range: t.range }))
    );
    expect(state.names).toEqual([
      { name: "CompAlign_Owned_1", sheet: "Alignment View", visible: false },
    ]);
    syncs = oneRun(state, before, view.syncs);
    expect(view.syncs).toBe(2); // one read, one write (docs/architecture.md)
    expectWriteDiscipline(syncs);

    // Again: the same sheet is refreshed in place, still one mark.
    before = state.contexts.length;
    await page.getByRole("button", { name: "Alignment view" }).click();
    await page.getByText(/Refreshed the sheet/).waitFor();
    const again = await memorySyncs(memory, writeAlignmentView);
    state = await fakeState(page);
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", ...inputs, "Alignment View"]);
    expect(state.names).toHaveLength(1);
    syncs = oneRun(state, before, again.syncs);
    expectWriteDiscipline(syncs);
    await screenshot(page, SUITE, "alignment-view");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Scenarios: insert the sample, run two scenarios: tabs, comparison with charts, syncs", async () => {
    const memory = new MemoryWorkbook();
    const { page, errors } = await openInFakeExcel();
    await page.getByRole("tab", { name: "Scenarios" }).click();
    await page.getByRole("button", { name: "Insert sample data" }).click();
    const picker = page.getByRole("group", { name: "Scenarios to run" });
    await picker.waitFor();
    await insertSampleData(memory);
    for (const name of SKIP) await picker.getByRole("checkbox", { name, exact: true }).uncheck();

    const before = (await fakeState(page)).contexts.length;
    await page.getByRole("button", { name: "Run scenarios" }).click();
    try {
      await page.getByRole("heading", { name: "Results" }).waitFor({ timeout: 60_000 });
    } catch (error) {
      // What the pane shows instead (an error message), for whoever reads the failure.
      await screenshot(page, SUITE, "scenarios-no-results");
      throw error;
    }
    const run = await memorySyncs(memory, (book) => runScenarioAction(book, { only: RUN }));
    const state = await fakeState(page);
    const expectedNames = run.result.sheets.map((s) => s.name);
    expect(state.sheets.map((s) => s.name).slice(-expectedNames.length)).toEqual(expectedNames);
    for (const name of expectedNames) {
      const sheet = state.sheets.find((s) => s.name === name)!;
      expect(sheet.values).toEqual(await valuesOf(memory, name));
    }
    const comparison = state.sheets.find((s) => s.name === "Scenario Comparison")!;
    const expectedCharts = memory.snapshot("Scenario Comparison").charts;
    expect(comparison.charts.map((c) => c.title)).toEqual(expectedCharts.map((c) => c.title));
    expect(state.names.filter((n) => n.name.startsWith("CompAlign_Owned_"))).toHaveLength(
      expectedNames.length
    );
    const syncs = oneRun(state, before, run.syncs);
    expectWriteDiscipline(syncs);
    await screenshot(page, SUITE, "scenarios");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("follows Office's theme: dark in a dark Office, light otherwise", async () => {
    const background = async (page: Page) =>
      page
        .locator(".fui-FluentProvider")
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? ["0", "0", "0"]).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const light = await openInFakeExcel({ dark: false });
    expect(luminance(await background(light.page))).toBeGreaterThan(200);
    await light.page.close();
    const dark = await openInFakeExcel({ dark: true });
    expect(luminance(await background(dark.page))).toBeLessThan(60);
    await screenshot(dark.page, SUITE, "dark-theme");
    expect(dark.errors).toEqual([]);
    await dark.page.close();
  });
});
