/**
 * Pulse Check tabs per period and the Pulse Trend tab, through the workbook port's three
 * adapters (memory; xlsx saved and reopened between runs; office on the fake Excel): a new
 * period adds its tab and keeps the earlier ones, the trend lists each check's status and value
 * per period, oldest first, read back from the earlier tabs; LibreOffice opens the result.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPulseCheck } from "../../src/actions/pulseCheck";
import { PULSE_CHECK_IDS, PULSE_CHECK_INFO } from "../../src/engine/pulseChecks";
import { readPulseTab } from "../../src/reports/pulseTrendSheet";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetValue, WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { oneContextFactory } from "../workbook/officeFake/harness";
import { tinySheets } from "./fixture";
import { convertWithLibreOffice, HAS_SOFFICE } from "../helpers/libreOffice";

jest.setTimeout(120_000);

/** The tiny world without a Period, both plans judged: the label is the date's fiscal quarter. */
const SETTINGS: SheetValue[][] = [
  ["Setting", "Value"],
  ["Plan Payout To Target", 1],
  ["Min Reps Per Plan", 2],
];
const sheets = () => tinySheets({ settings: SETTINGS });

interface Adapter {
  open(): Promise<WorkbookPort>;
  /** The port to use for the next run (xlsx: saved and reopened from its bytes). */
  next(port: WorkbookPort): Promise<WorkbookPort>;
}

const ADAPTERS: [string, Adapter][] = [
  [
    "memory",
    {
      open: async () => MemoryWorkbook.fromSheets(sheets()),
      next: async (port) => port,
    },
  ],
  [
    "xlsx (saved and reopened between runs)",
    {
      open: async () => {
        const book = XlsxWorkbook.empty();
        for (const { name, values } of sheets())
          await book.createSheet({ name, blocks: [{ at: "A1", values }] });
        return XlsxWorkbook.fromBuffer(await book.toBuffer());
      },
      next: async (port) => XlsxWorkbook.fromBuffer(await (port as XlsxWorkbook).toBuffer()),
    },
  ],
  [
    "office (fake Excel)",
    {
      open: async () => (await oneContextFactory(sheets())).port,
      next: async (port) => port,
    },
  ],
];

describe.each(ADAPTERS)("%s", (_, adapter) => {
  let book: WorkbookPort;
  const runs: Awaited<ReturnType<typeof runPulseCheck>>[] = [];
  beforeAll(async () => {
    book = await adapter.open();
    // Q3 first, then Q1, then Q3 again: the trend orders periods by label, not by run.
    for (const today of ["2026-08-10", "2026-02-01", "2026-09-30"]) {
      runs.push(await runPulseCheck(book, { today }));
      book = await adapter.next(book);
    }
  });

  test("each period has its own tab; a re-run replaces its period's tab; the trend is owned", async () => {
    expect(runs.map((r) => [r.sheet.name, r.sheet.action])).toEqual([
      ["Pulse Check 2026 Q3", "created"],
      ["Pulse Check 2026 Q1", "created"],
      ["Pulse Check 2026 Q3", "replaced"],
    ]);
    expect(runs.map((r) => r.trend.action)).toEqual(["created", "replaced", "replaced"]);
    expect(runs.map((r) => r.periods)).toEqual([
      ["2026 Q3"],
      ["2026 Q1", "2026 Q3"],
      ["2026 Q1", "2026 Q3"],
    ]);
    expect([...(await book.ownedSheets())].sort()).toEqual([
      "Pulse Check 2026 Q1",
      "Pulse Check 2026 Q3",
      "Pulse Trend",
    ]);
    // The user's sheets are still there, first.
    expect((await book.sheetNames()).slice(0, 5)).toEqual([
      "Objectives",
      "Matrix",
      "Curves",
      "Reps",
      "Pulse Settings",
    ]);
  });

  test("the trend lists every check's status and value per period, oldest first", async () => {
    const [trend, q1] = await book.readSheets(["Pulse Trend", "Pulse Check 2026 Q1"]);
    const values = trend!.values;
    expect(values[0][0]).toBe("Pulse Trend");
    expect(values[3].slice(0, 5)).toEqual([
      "Check",
      "2026 Q1 status",
      "2026 Q1 value",
      "2026 Q3 status",
      "2026 Q3 value",
    ]);
    const rows = values.slice(4, 4 + PULSE_CHECK_IDS.length);
    expect(rows.map((r) => r[0])).toEqual(PULSE_CHECK_IDS.map((id) => PULSE_CHECK_INFO[id].title));
    const last = runs[2].checks;
    rows.forEach((r, k) => {
      // The same data in both periods: the same status and value, as the run computed them.
      expect([r[1], r[3]]).toEqual([last[k].status, last[k].status]);
      if (last[k].value === null) expect([r[2], r[4]]).toEqual([null, null]);
      else {
        expect(r[2]).toBeCloseTo(last[k].value!, 9);
        expect(r[4]).toBeCloseTo(last[k].value!, 9);
      }
    });
    // Share at quota: SDR's 1 of 2 drives the company (Watch, 50%).
    expect(rows[0].slice(1, 3)).toEqual(["Watch", 0.5]);
    // The earlier tab reads back as what the trend used.
    const record = readPulseTab(q1!)!;
    expect(record.period).toBe("2026 Q1");
    expect(record.checks.get("share-at-quota")).toEqual({ status: "Watch", value: 0.5 });
    expect(record.checks.size).toBe(PULSE_CHECK_IDS.length);
  });

  test("the Pulse Check tab's checks by plan: plans as columns, checks as rows, worst first", async () => {
    const [tab] = await book.readSheets(["Pulse Check 2026 Q3"]);
    const values = tab!.values;
    const at = values.findIndex((r) => String(r[0]).startsWith("Checks by plan"));
    expect(values[at + 1].slice(0, 4)).toEqual(["Check", "Company", "AE", "SDR"]);
    expect(values[at + 2].slice(0, 4)).toEqual(["Computed reps", 10, 8, 2]);
    // Worst first: the Act rows lead; share at quota: the company shows SDR's 50%.
    expect(values[at + 3][1]).toMatch(/^Act · /);
    const row = values
      .slice(at + 3, at + 3 + PULSE_CHECK_IDS.length)
      .find((r) => r[0] === PULSE_CHECK_INFO["share-at-quota"].title)!;
    expect(row.slice(1, 4)).toEqual(["Watch · 50.0%", "OK · 62.5%", "Watch · 50.0%"]);
  });
});

test("a Pulse Check tab written before the Id column reads by check title and tab name", () => {
  const record = readPulseTab({
    name: "Pulse Check Q4 2025",
    values: [
      ["Pulse Check Q4 2025"],
      ["Period Q4 2025: …"],
      [null],
      ["Check", "Status", "Value", "Band", "What to do"],
      ["Reps at ≥ 100% weighted attainment", "OK", 0.6, "55%–70%", "…"],
      ["Realized vs design alignment index", "Watch", 0.55, "≥ 0.6", "…"],
      [null],
    ],
  });
  expect(record).toEqual({
    period: "Q4 2025",
    checks: new Map([
      ["share-at-quota", { status: "OK", value: 0.6 }],
      ["alignment-drift", { status: "Watch", value: 0.55 }],
    ]),
  });
});

const soffice = HAS_SOFFICE;
(soffice ? test : test.skip)(
  "LibreOffice opens the workbook with two Pulse Check tabs and the Pulse Trend (headless convert to PDF)",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "compalign-trend-"));
    try {
      const book = XlsxWorkbook.empty();
      for (const { name, values } of sheets())
        await book.createSheet({ name, blocks: [{ at: "A1", values }] });
      await runPulseCheck(book, { today: "2026-02-01" });
      await runPulseCheck(book, { today: "2026-05-01" });
      writeFileSync(join(dir, "trend.xlsx"), await book.toBuffer());
      const convert = convertWithLibreOffice(join(dir, "trend.xlsx"), "pdf", dir);
      expect(convert.status).toBe(0);
      expect(existsSync(join(dir, "trend.pdf"))).toBe(true);
      expect(statSync(join(dir, "trend.pdf")).size).toBeGreaterThan(20_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  200_000
);
