/**
 * The Plan Cost at Risk tab through the three workbook adapters (memory, xlsx saved and reopened,
 * Office.js on the fake Excel): the same values, number formats, the summary table, the native
 * histogram chart and ownership in each; user text starting with "=" stays text. Also the Risk
 * Settings reader and the action (gate, write, Cancel leaves the workbook as it was).
 */
import { problemLine } from "../../src/engine/problem";
import { ActionError } from "../../src/actions/errors";
import {
  computeRisk,
  PlanHasErrorsError,
  prepareRisk,
  setupWorkbook,
  writeRiskSheet,
  type RiskComputation,
} from "../../src/actions";
import { DEFAULT_RISK_SETTINGS } from "../../src/engine/costAtRisk";
import { readRiskSettings } from "../../src/model/readRiskSettings";
import { money, riskSentence, riskSheet, RISK_TAB, RISK_TABLE } from "../../src/reports/riskSheet";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { OfficeWorkbook } from "../../src/workbook/office";
import type { SheetSpec, SheetValue, WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { chartsFromXlsx } from "../../src/workbook/xlsx/charts";
import { fakeContext } from "../workbook/officeFake/fakeExcel";
import { probeSheet } from "../workbook/officeFake/harness";
import { FakeBook } from "../workbook/officeFake/model";

async function computed(
  over: Partial<typeof DEFAULT_RISK_SETTINGS> = {}
): Promise<RiskComputation> {
  const book = new MemoryWorkbook();
  await setupWorkbook(book);
  const prepared = await prepareRisk(book);
  return computeRisk({ ...prepared, settings: { ...prepared.settings, trials: 500, ...over } });
}

interface Written {
  port: WorkbookPort;
  numberFormat(a1: string): string | null;
  tables(): { name: string; range: string }[];
  charts(): Promise<{ type: string; title: string | null }[]>;
}

const ADAPTERS: [string, (spec: SheetSpec) => Promise<Written>][] = [
  [
    "memory",
    async (spec) => {
      const book = new MemoryWorkbook();
      await book.writeOwnedSheets([spec]);
      const snap = () => book.snapshot(RISK_TAB);
      return {
        port: book,
        numberFormat: (a1) => book.cell(`'${RISK_TAB}'!${a1}`).numberFormat,
        tables: () => snap().tables.map((t) => ({ name: t.name, range: t.range })),
        charts: async () => snap().charts.map((c) => ({ type: c.type, title: c.title })),
      };
    },
  ],
  [
    "xlsx (saved and reopened)",
    async (spec) => {
      const first = XlsxWorkbook.empty();
      await first.writeOwnedSheets([spec]);
      const bytes = await first.toBuffer();
      const book = await XlsxWorkbook.fromBuffer(bytes);
      const ws = () => book.workbook.getWorksheet(RISK_TAB)!;
      return {
        port: book,
        numberFormat: (a1) => ws().getCell(a1).numFmt ?? null,
        tables: () =>
          Object.values(
            (
              ws() as unknown as {
                tables: Record<string, { table: { name: string; tableRef: string } }>;
              }
            ).tables
          ).map((t) => ({
            name: t.table.name,
            range: t.table.tableRef,
          })),
        charts: async () =>
          ((await chartsFromXlsx(bytes)).find((s) => s.sheet === RISK_TAB)?.charts ?? []).map(
            (c) => ({ type: c.type, title: c.title })
          ),
      };
    },
  ],
  [
    "office (fake Excel)",
    async (spec) => {
      const fake = FakeBook.with({});
      const book = new OfficeWorkbook(fakeContext(fake));
      await book.writeOwnedSheets([spec]);
      const probe = () => probeSheet(fake.sheet(RISK_TAB));
      return {
        port: book,
        numberFormat: (a1) => probe().cell(a1).numberFormat,
        tables: () =>
          probe()
            .tables()
            .map((t) => ({ name: t.name, range: t.range })),
        charts: async () =>
          fake.sheet(RISK_TAB).charts.map((c) => ({
            type: c.type.toLowerCase().includes("column") ? "column" : c.type,
            title: c.title,
          })),
      };
    },
  ],
];

describe.each(ADAPTERS)("the Plan Cost at Risk tab through the %s adapter", (_, write) => {
  let comp: RiskComputation;
  let written: Written;
  let values: SheetValue[][];
  beforeAll(async () => {
    comp = await computed();
    // A user's scenario name that looks like a formula is written as text.
    comp.result.scenarios[1].name = "=SUM(1,2)";
    written = await write(riskSheet({ ...comp, result: comp.result }));
    values = (await written.port.readSheets([RISK_TAB]))[0]!.values;
  });

  test("title, settings used, and the summary row of each scenario with its figures", async () => {
    expect(values[0][0]).toBe(RISK_TAB);
    const budgetRow = values.find((r) => r[0] === "Budget")!;
    expect(budgetRow[1]).toBe("Not set");
    expect(values.find((r) => r[0] === "Trials")![1]).toBe(500);
    const headerAt = values.findIndex((r) => r[0] === "Scenario" && r[4] === "P50 total payout");
    const base = values[headerAt + 1];
    const s = comp.result.scenarios[0];
    expect(base[0]).toBe("Baseline");
    expect(base.slice(1, 8)).toEqual([
      s.deterministicTotalPayout,
      s.totalPayout.mean,
      s.totalPayout.p10,
      s.totalPayout.p50,
      s.totalPayout.p90,
      s.totalPayout.p95,
      s.totalPayout.p90 - s.totalPayout.p50,
    ]);
    expect(base[8]).toBe("Not set");
    expect(values[headerAt + 2][0]).toBe("=SUM(1,2)");
    expect(written.numberFormat(`E${headerAt + 2}`)).toBe("$#,##0");
    expect(written.tables()).toEqual([
      {
        name: RISK_TABLE,
        range: `A${headerAt + 1}:M${headerAt + 1 + comp.result.scenarios.length}`,
      },
    ]);
    expect(await written.port.ownedSheets()).toEqual([RISK_TAB]);
  });

  test("one plain sentence per scenario and the histogram with its native column chart", async () => {
    const sentence = values.find(
      (r) => typeof r[0] === "string" && r[0].startsWith("Baseline: In 9 years out of 10")
    )!;
    expect(sentence[0]).toContain(money(comp.result.scenarios[0].totalPayout.p90));
    const histAt = values.findIndex((r) => r[0] === "Total payout");
    expect(values[histAt].slice(1, 1 + comp.result.scenarios.length)).toEqual(
      comp.result.scenarios.map((s) => s.name)
    );
    const shares = comp.result.histogram.shares[0];
    expect(values.slice(histAt + 1, histAt + 1 + shares.length).map((r) => r[1])).toEqual(shares);
    expect(await written.charts()).toEqual([
      { type: "column", title: "Total payout across simulated years, per scenario" },
    ]);
  });
});

describe("plain sentences", () => {
  const s = {
    totalPayout: { p50: 22_800_000, p90: 24_100_000 },
    probabilityOverBudget: 0.23,
  } as never;
  test("with a budget", () =>
    expect(riskSentence(s, 23_000_000, 10000)).toBe(
      "In 9 years out of 10 this plan costs less than $24.1M (P90); in a typical year about $22.8M (P50); there is a 23% chance it exceeds the $23M budget."
    ));
  test("without a budget", () =>
    expect(
      riskSentence({ ...(s as object), probabilityOverBudget: null } as never, null, 10000)
    ).toMatch(/No budget is set/));
  test("never exceeded", () =>
    expect(
      riskSentence({ ...(s as object), probabilityOverBudget: 0 } as never, 30e6, 10000)
    ).toMatch(/none of the 10,000 simulated years exceeds the \$30M budget/));
});

describe("Risk Settings", () => {
  const sheet = (rows: SheetValue[][]) => ({
    name: "Risk Settings",
    values: [["Setting", "Value"], ...rows],
  });
  test("no sheet: the defaults", () =>
    expect(readRiskSettings(null)).toEqual({ settings: DEFAULT_RISK_SETTINGS, warnings: [] }));
  test("names ignore case and spaces; blank means the default", () => {
    const { settings, warnings } = readRiskSettings(
      sheet([
        ["  TRIALS ", 5000],
        ["seed", 42],
        ["Common  volatility", 0.05],
        ["Individual volatility", null],
        ["Metric correlation", 0],
        ["Budget", 2.5e7],
      ])
    );
    expect(warnings).toEqual([]);
    expect(settings).toEqual({
      trials: 5000,
      seed: 42,
      commonVolatility: 0.05,
      individualVolatility: 0.2,
      metricCorrelation: 0,
      budget: 2.5e7,
    });
  });
  test("bad values are warnings naming the cell, never zero", () => {
    const { settings, warnings } = readRiskSettings(
      sheet([
        ["Trials", 100.5],
        ["Seed", -1],
        ["Metric correlation", 1.5],
        ["Budget", 0],
        ["Budget", 5],
        ["Volatility", 0.1],
        ["Individual volatility", "20%"],
      ])
    );
    expect(settings).toEqual(DEFAULT_RISK_SETTINGS);
    expect(warnings.map(problemLine)).toEqual([
      "'Risk Settings'!B2: Trials must be a whole number from 100 to 1,000,000, not 100.5; the default 10000 is used.",
      "'Risk Settings'!B3: Seed must be a whole number from 0 to 4,294,967,295, not -1; the default 1 is used.",
      "'Risk Settings'!B4: Metric correlation must be a number from 0 to 1 (50% is 0.5), not 1.5; the default 0.5 is used.",
      "'Risk Settings'!B5: Budget must be an amount above 0, not 0; it is treated as not set.",
      "'Risk Settings'!A6: Budget is given twice (first at 'Risk Settings'!A5); the first is used.",
      "'Risk Settings'!A7: \"Volatility\" is not a risk setting (Trials, Seed, Common volatility, Individual volatility, Metric correlation, Budget), so it is not used.",
      "'Risk Settings'!B8: Individual volatility must be a number from 0 to 1 (20% is 0.2), not text \"20%\"; the default 0.2 is used.",
    ]);
  });
});

describe("the action", () => {
  test("a plan with error findings is refused before anything is simulated", async () => {
    const book = new MemoryWorkbook();
    await setupWorkbook(book);
    const matrix = (await book.readSheets(["Matrix"]))[0]!;
    const weight = matrix.values[0].indexOf("Weight");
    const broken = matrix.values.map((r, i) =>
      i === 1 ? r.map((v, c) => (c === weight ? 0.5 : v)) : r
    );
    const fresh = MemoryWorkbook.fromSheets([
      { name: "Matrix", values: broken },
      ...(await book.readSheets(["Objectives", "Curves", "Reps"])).map((s) => ({
        name: s!.name,
        values: s!.values,
      })),
    ]);
    await expect(prepareRisk(fresh)).rejects.toBeInstanceOf(PlanHasErrorsError);
    await expect(prepareRisk(fresh)).rejects.toThrow(/error.*weights sum to/i);
  });

  test("no rep to simulate, or a Baseline that overflows, is a plain not-computable error (as scenarios and pulse)", async () => {
    const book = new MemoryWorkbook();
    await setupWorkbook(book);
    const [objectives, matrix, curves, reps] = (await book.readSheets([
      "Objectives",
      "Matrix",
      "Curves",
      "Reps",
    ]))!.map((s) => ({ name: s!.name, values: s!.values }));
    const headersOnly = MemoryWorkbook.fromSheets([
      objectives,
      matrix,
      curves,
      { name: "Reps", values: [reps.values[0]] },
    ]);
    const none = await prepareRisk(headersOnly).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(ActionError);
    expect(none).toMatchObject({ kind: "not-computable" });
    expect((none as Error).message).toBe(
      "No rep could be computed: the Reps sheet has no rows below its header."
    );

    // Uncapped curves and one rep's quotas near 0: that rep's payout is not a number.
    const beyond = curves.values[0].indexOf("Beyond");
    const extend = curves.values.map((r, i) =>
      i === 0 ? r : r.map((v, c) => (c === beyond ? "EXTEND" : v))
    );
    const tiny = reps.values.map((r, i) =>
      i === 1 ? r.map((v, c) => (String(reps.values[0][c]).endsWith(" Quota") ? 1e-300 : v)) : r
    );
    const overflowing = MemoryWorkbook.fromSheets([
      objectives,
      matrix,
      { name: "Curves", values: extend },
      { name: "Reps", values: tiny },
    ]);
    const overflow = await prepareRisk(overflowing).catch((e: unknown) => e);
    expect(overflow).toBeInstanceOf(ActionError);
    expect(overflow).toMatchObject({ kind: "not-computable" });
    expect((overflow as Error).message).toMatch(
      /^The Baseline cannot be computed: payouts are too large to be numbers \(Reps row 2 /
    );
  });

  test("data issues and invalid scenarios are listed with their cell in its own column, as on the Scenario Comparison", async () => {
    const book = new MemoryWorkbook();
    await setupWorkbook(book);
    const prepared = await prepareRisk(book);
    prepared.settings.trials = 50;
    prepared.dataIssues.push({
      rep: "Ann",
      row: 7,
      message: "Target Incentive is blank",
      cell: "Reps!E7",
      cells: ["Reps!E7"],
    });
    prepared.invalidScenarios.push({
      name: "Typo",
      reason: 'its segment "Enterprize" is not in Reps',
      cell: "Scenarios!D4",
    });
    await writeRiskSheet(book, await computeRisk(prepared));
    const values = (await book.readSheets([RISK_TAB]))[0]!.values;
    const after = (title: string, rows: number) => {
      const at = values.findIndex((r) => r[0] === title);
      expect(at).toBeGreaterThan(0);
      return values.slice(at + 1, at + 1 + rows).map((r) => r.slice(0, 4));
    };
    expect(after("Data issues (reps left out of every scenario)", 2)).toEqual([
      ["Rep", "Row", "Cell", "Issue"],
      ["Ann", 7, "Reps!E7", "Target Incentive is blank"],
    ]);
    expect(after("Invalid scenarios (not simulated)", 2)).toEqual([
      ["Scenario", "Cell", "Reason", null],
      ["Typo", "Scenarios!D4", 'its segment "Enterprize" is not in Reps', null],
    ]);
  });

  test("what the simulation needs is plain data: a structured clone (as a Web Worker receives it) gives the same result", async () => {
    const book = new MemoryWorkbook();
    await setupWorkbook(book);
    const prepared = await prepareRisk(book);
    prepared.settings.trials = 300;
    const here = await computeRisk(prepared);
    const there = await computeRisk(structuredClone(prepared));
    expect(there.result.scenarios.map((s) => s.totalPayout)).toEqual(
      here.result.scenarios.map((s) => s.totalPayout)
    );
    expect(structuredClone(here).result.scenarios[0].totals).toEqual(
      here.result.scenarios[0].totals
    );
  });

  test("writes the owned tab; a re-run replaces it in place; cancel leaves the workbook as it was", async () => {
    const book = new MemoryWorkbook();
    await setupWorkbook(book);
    const prepared = await prepareRisk(book);
    prepared.settings.trials = 200;
    const before = await book.sheetNames();
    await expect(computeRisk(prepared, { isCancelled: () => true })).rejects.toThrow(/Cancelled/);
    expect(await book.sheetNames()).toEqual(before);
    const comp = await computeRisk(prepared);
    expect((await writeRiskSheet(book, comp)).action).toBe("created");
    expect((await writeRiskSheet(book, comp)).action).toBe("replaced");
    expect(await book.sheetNames()).toEqual([...before, RISK_TAB]);
  });
});
