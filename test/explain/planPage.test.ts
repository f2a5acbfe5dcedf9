/**
 * The `Plan - <name>` tabs through the port fake (MemoryWorkbook) and the exceljs adapter
 * (toBuffer, reopened with exceljs): owned, one per plan, the page's sections in order, and
 * cells holding the engine's numbers (median TI 20,000 for AE: earnings 0 / 6,000 / 20,000 /
 * 30,000 / 36,000, hand-computed in engine.test.ts) with their number formats and the chart.
 */
import ExcelJS from "exceljs";
import { explainPlans, writePlanPages } from "../../src/actions/explainPlans";
import { ActionError } from "../../src/actions/errors";
import {
  PLAN_PAGE_HEADERS,
  PLAN_PAGE_SECTIONS,
  planPageName,
  planPageNames,
  planPageSheet,
} from "../../src/reports/planPage";
import { FORMATS } from "../../src/reports/format";
import { sampleSheets, SAMPLE_PLANS } from "../../src/reports/sampleWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory";
import {
  WorkbookError,
  type SheetSpec,
  type SheetValue,
  type WorkbookPort,
  type WriteResult,
} from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { chartsFromXlsx } from "../../src/workbook/xlsx/charts";
import { PLAN_NAMES, SHEETS } from "./fixture";

const PAGES = PLAN_NAMES.map((plan) => `Plan - ${plan}`);

/** 0-based row of the first row whose column A holds `text`, at or after `from`. */
const rowOf = (values: SheetValue[][], text: string, from = 0) => {
  const i = values.findIndex((r, k) => k >= from && r[0] === text);
  if (i < 0) throw new Error(`no row "${text}"`);
  return i;
};

describe("sheet names", () => {
  it("prefix the plan, drop Excel's forbidden characters and stay within 31 characters", () => {
    expect(planPageName("AE")).toBe("Plan - AE");
    expect(planPageName("EMEA/APAC: Enterprise")).toBe("Plan - EMEA APAC Enterprise");
    const long = planPageName("Strategic Accounts Executive North America");
    expect(long).toBe("Plan - Strategic Accounts Exec…");
    expect(long).toHaveLength(31);
    expect(
      planPageNames([
        "Strategic Accounts Executive East",
        "Strategic Accounts Executive West",
        "AE",
      ])
    ).toEqual(["Plan - Strategic Accounts Exec…", "Plan - Strategic Accounts… (2)", "Plan - AE"]);
  });
});

describe("writePlanPages on the in-memory workbook", () => {
  it("writes one owned tab per plan in Matrix order; the page holds the engine's numbers", async () => {
    const book = MemoryWorkbook.fromSheets(SHEETS);
    const syncs = book.syncCount;
    const result = await writePlanPages(book);
    expect(result.sheets).toEqual(PAGES.map((name) => ({ name, action: "created" })));
    // One read, one sync per tab written.
    expect(book.syncCount - syncs).toBe(1 + PAGES.length);
    expect(await book.ownedSheets()).toEqual(PAGES);

    const page = book.snapshot("Plan - AE");
    const { values, numberFormats } = page;
    expect(values[0][0]).toBe("AE: your plan on a page");
    expect(page.styles[0][0]).toBe("title");
    const sections = Object.values(PLAN_PAGE_SECTIONS).slice(0, 7);
    const at = sections.map((s) => rowOf(values, s));
    expect(at).toEqual([...at].sort((a, b) => a - b));

    const why = rowOf(values, PLAN_PAGE_SECTIONS.why);
    // The objectives' weights are labelled: a share of the plan, not the objective's priority.
    expect(values[why + 1].slice(0, 3)).toEqual([...PLAN_PAGE_HEADERS.why]);
    expect(values[why + 1][1]).toBe("Weight in your plan");
    expect(values[why + 2].slice(0, 3)).toEqual(["Keep core", 0.6, "Core pays the bills."]);
    expect(values[why + 3].slice(0, 3)).toEqual([
      "Grow cloud",
      0.4,
      "Cloud is where customers are going.",
    ]);
    expect(values[rowOf(values, PLAN_PAGE_SECTIONS.counts) + 1][0]).toBe("Renew core licences");

    const metrics = rowOf(values, "Metric");
    expect(values[metrics]).toEqual([...PLAN_PAGE_HEADERS.metrics]);
    expect(values[metrics + 1]).toEqual([
      "Core Bookings",
      0.6,
      "Renew core licences",
      "Ramp",
      "Core still funds us.",
    ]);
    expect(numberFormats[metrics + 1][1]).toBe(FORMATS.percent);

    // Cloud ARR's curve as a small table below.
    const cliff = rowOf(values, "Cloud ARR: Cliff");
    expect(values[cliff + 1].slice(0, 2)).toEqual([...PLAN_PAGE_HEADERS.curve]);
    expect(values.slice(cliff + 2, cliff + 5).map((r) => r.slice(0, 2))).toEqual([
      [0.8, 0.5],
      [1, 1],
      [1.1, 1.5],
    ]);
    expect(values[cliff + 5][0]).toMatch(/^Pays 50% of target as soon as you reach 80%/);

    const { plans } = await explainPlans(book);
    const ae = plans[0];
    const earnings = rowOf(values, PLAN_PAGE_HEADERS.earnings[0]);
    expect(values[earnings].slice(0, 3)).toEqual([...PLAN_PAGE_HEADERS.earnings]);
    const rows = values.slice(earnings + 1, earnings + 6).map((r) => r.slice(0, 3));
    expect(rows).toEqual(ae.earnings.map((e) => [e.attainment, e.earnings, e.rate]));
    [0, 6000, 20000, 30000, 36000].forEach((v, i) => expect(rows[i][1]).toBeCloseTo(v, 8));
    expect(numberFormats[earnings + 1].slice(0, 3)).toEqual([
      FORMATS.percent,
      FORMATS.currency,
      FORMATS.percent,
    ]);
    expect(page.charts).toEqual([
      expect.objectContaining({
        type: "column",
        dataRange: `A${earnings + 1}:B${earnings + 6}`,
      }),
    ]);

    const more = rowOf(values, PLAN_PAGE_SECTIONS.more);
    expect(values[more + 1][0]).toBe(ae.howToEarnMore.message);
    const complexity = rowOf(values, PLAN_PAGE_SECTIONS.complexity);
    expect(values[complexity + 1][0]).toBe(
      "2 metrics, up to 3 curve points on a metric, 0 modifiers."
    );
    expect(values[complexity + 2][0]).toMatch(/^No modifiers/);
  });

  it("a page without reps shows earnings as shares of target; a rule-breaking plan carries the warning", async () => {
    const book = MemoryWorkbook.fromSheets(SHEETS);
    await writePlanPages(book);
    const pair = book.snapshot("Plan - Pair").values;
    const header = rowOf(pair, PLAN_PAGE_HEADERS.earningsShare[0]);
    expect(pair[header].slice(0, 2)).toEqual(PLAN_PAGE_HEADERS.earningsShare.slice(0, 2));
    // One column of % of target, not the same figure twice under two headers.
    expect(pair[header].filter((v) => v !== null && v !== "")).toEqual([
      "Attainment on every metric",
      "Earnings (% of target incentive)",
    ]);
    expect(pair[header + 1].filter((v) => v !== null && v !== "")).toHaveLength(2);
    expect(pair[header - 1][0]).toMatch(/^No rep in Reps is on Pair/);
    expect(book.snapshot("Plan - Pair").numberFormats[header + 1][1]).toBe(FORMATS.percent);
    const busy = book.snapshot("Plan - Busy").values;
    expect(
      busy.some(
        (r) =>
          r[0] ===
          `Warning: Busy breaks the five-minute rule: it has 4 metrics (keep it to 3). A rep may not understand it in five minutes; simplify before kickoff.`
      )
    ).toBe(true);
  });

  it("re-writing replaces its own tabs in place; a user's sheet of the same name is left alone", async () => {
    const book = MemoryWorkbook.fromSheets([...SHEETS, { name: "Plan - SDR", values: [["mine"]] }]);
    const first = await writePlanPages(book);
    expect(first.sheets[1]).toEqual({ name: "Plan - SDR (2)", action: "created" });
    const names = await book.sheetNames();
    const again = await writePlanPages(book);
    expect(again.sheets.every((s) => s.action === "replaced")).toBe(true);
    expect(await book.sheetNames()).toEqual(names);
    expect(book.snapshot("Plan - SDR").values).toEqual([["mine"]]);
  });

  it("no Matrix is an ActionError; a failed write removes the tabs this run added", async () => {
    await expect(writePlanPages(MemoryWorkbook.fromSheets([]))).rejects.toMatchObject({
      constructor: ActionError,
      kind: "no-matrix",
    });
    const book = MemoryWorkbook.fromSheets(SHEETS);
    let writes = 0;
    const failing = withWrites(book, async (specs) => {
      if (++writes === 3) throw new WorkbookError("too-large", "request too large");
      return book.writeOwnedSheets(specs);
    });
    await expect(writePlanPages(failing)).rejects.toThrow("request too large");
    expect(await book.ownedSheets()).toEqual([]);
    expect(await book.sheetNames()).toEqual(SHEETS.map((s) => s.name));
  });

  it("a page with a long plan name and nothing filled in is still a valid sheet", async () => {
    const plan = "A very long plan name for the enterprise team";
    const spec = planPageSheet({ ...explainedStub(), plan }, planPageName(plan));
    expect(spec.name).toBe("Plan - A very long plan name f…");
    await expect(MemoryWorkbook.fromSheets([]).writeOwnedSheets([spec])).resolves.toEqual([
      { name: spec.name, action: "created" },
    ]);
  });
});

describe("writePlanPages through the exceljs adapter", () => {
  it("the file's cells hold the engine's numbers, formatted, with the earnings chart", async () => {
    const book = XlsxWorkbook.empty();
    for (const { name, values } of SHEETS)
      await book.createSheet({ name, blocks: [{ at: "A1", values }] });
    const { plans, sheets } = await writePlanPages(book);
    expect(sheets.map((s) => s.name)).toEqual(PAGES);
    const buffer = await book.toBuffer();

    const opened = new ExcelJS.Workbook();
    await opened.xlsx.load(buffer as never);
    const ws = opened.getWorksheet("Plan - AE")!;
    const columnA: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => columnA.push(row.getCell(1).value));
    const header = columnA.indexOf(PLAN_PAGE_HEADERS.earnings[0]) + 1; // 1-based row
    expect(header).toBeGreaterThan(0);
    plans[0].earnings.forEach((e, i) => {
      const r = header + 1 + i;
      expect(ws.getCell(`A${r}`).value).toBe(e.attainment);
      expect(ws.getCell(`B${r}`).value).toBe(e.earnings);
      expect(ws.getCell(`C${r}`).value).toBe(e.rate);
      expect(ws.getCell(`B${r}`).numFmt).toBe(FORMATS.currency);
      expect(ws.getCell(`A${r}`).numFmt).toBe(FORMATS.percent);
    });
    expect(ws.getCell(`B${header + 4}`).value).toBeCloseTo(30000, 8);
    expect(ws.getCell("A1").value).toBe("AE: your plan on a page");

    const charts = await chartsFromXlsx(buffer);
    const ae = charts.find((c) => c.sheet === "Plan - AE")!;
    expect(ae.charts).toEqual([expect.objectContaining({ type: "column" })]);

    const reopened = await XlsxWorkbook.fromBuffer(buffer);
    expect(await reopened.ownedSheets()).toEqual(PAGES);
  });
});

describe("the demo sample", () => {
  it("every plan's median target incentive is PERCENTILE.INC of its reps; 100% on every metric pays it", async () => {
    const book = new MemoryWorkbook();
    for (const spec of sampleSheets()) await book.createSheet(spec);
    const { plans, sheets } = await writePlanPages(book);
    expect(plans.map((p) => p.plan)).toEqual(Object.values(SAMPLE_PLANS));
    expect(sheets.map((s) => s.name)).toEqual(
      Object.values(SAMPLE_PLANS).map((p) => `Plan - ${p}`)
    );
    const reps = (await book.readSheets(["Reps"]))[0]!.values;
    const planCol = reps[0].indexOf("Plan");
    const tiCol = reps[0].indexOf("Target Incentive");
    for (const plan of plans) {
      const tis = reps
        .slice(1)
        .filter((r) => r[planCol] === plan.plan)
        .map((r) => r[tiCol] as number)
        .sort((a, b) => a - b);
      const h = (tis.length - 1) / 2;
      const median =
        tis[Math.floor(h)] + (h - Math.floor(h)) * (tis[Math.ceil(h)] - tis[Math.floor(h)]);
      expect(plan.medianTargetIncentive).toBe(median);
      expect(plan.targetIncentiveBasis.reps).toBe(tis.length);
      expect(plan.earnings[2].earnings).toBeCloseTo(median, 6);
      expect(plan.complexity.warning).toBeNull();
      expect(plan.problems).toEqual([]);
    }
  });
});

/** The workbook with its writeOwnedSheets replaced; every other port method is the book's own. */
function withWrites(
  book: MemoryWorkbook,
  write: (specs: SheetSpec[]) => Promise<WriteResult[]>
): WorkbookPort {
  return new Proxy(book, {
    get(target, prop) {
      if (prop === "writeOwnedSheets") return write;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A minimal explanation for spec-shape tests. */
function explainedStub() {
  return {
    plan: "P",
    objectives: [],
    behaviors: [],
    metrics: [],
    medianTargetIncentive: 1,
    targetIncentiveBasis: { source: "no-reps-sheet" as const, reps: 0, note: "n" },
    earnings: [{ attainment: 1, rate: 1, earnings: 1 }],
    howToEarnMore: { metric: null, perPoint: 0, message: "m" },
    complexity: { metrics: 0, maxCurvePoints: 0, modifiers: 0, modifiersNote: "x", warning: null },
    problems: [],
  };
}
