/**
 * The layout pass (src/workbook/reportLayout.ts) on every tab the sample produces, through the
 * memory workbook (which applies it and records the result as Excel would keep it), plus the
 * pass's parts on their own: displayed text, gap closing, page breaks.
 */
import { parseRange } from "../../src/workbook/a1";
import { displayText } from "../../src/workbook/displayText";
import { MemoryWorkbook, type SheetSnapshot } from "../../src/workbook/memory";
import type { SheetSpec } from "../../src/workbook/port";
import {
  arrangeReport,
  closeGaps,
  MAX_WIDTH,
  MIN_WIDTH,
  pageBreaks,
  WRAP_WIDTH,
} from "../../src/workbook/reportLayout";
import { checkSpec } from "../../src/workbook/specRules";
import {
  CHEAPER,
  DEARER,
  HEADLINE_ROWS,
  HEADLINE_TITLE,
  SIGNED_FORMATS,
} from "../../src/reports/comparisonHeadline";
import { RUN_DATE, writeSampleTabs } from "./sampleTabs";

let book: MemoryWorkbook;
let tabs: SheetSnapshot[];

beforeAll(async () => {
  book = new MemoryWorkbook();
  book.runDate = RUN_DATE;
  const names = await writeSampleTabs(book);
  tabs = names.map((name) => book.snapshot(name));
}, 120_000);

const isBlank = (v: unknown) => v === null || v === "";
const inside = (ref: string, row: number, col: number) => {
  const r = parseRange(ref)!;
  return (
    row >= r.start.row &&
    row < r.start.row + r.rows &&
    col >= r.start.col &&
    col < r.start.col + r.cols
  );
};
/** A styled cell with nothing to its right: a title, note or section label that may run on. */
const runsOn = (tab: SheetSnapshot, r: number, c: number) =>
  tab.styles[r][c] !== null && isBlank(tab.values[r][c + 1] ?? null);
const chartBox = (chart: { at: string; widthCells?: number; heightCells?: number }) => {
  const at = parseRange(chart.at)!.start;
  return { row: at.row, col: at.col, rows: chart.heightCells!, cols: chart.widthCells! };
};

test("the sample produces every kind of tab, each laid out", () => {
  expect(tabs.map((t) => t.name)).toEqual([
    "Alignment View",
    "Baseline",
    "Shift 20% to multi-product dea…",
    "Cloud weight 40%",
    "Cloud accelerator curve",
    "Quotas +10%",
    "Cloud weight 40% + accelerator",
    "Scenario Comparison",
    "Pulse Check 2026 Q4",
    "Pulse Trend",
    "Plan - Enterprise AE",
    "Plan - Mid-Market AE",
    "Plan - Inside Sales",
  ]);
  const charts = tabs.reduce((n, t) => n + t.charts.length, 0);
  expect(charts).toBeGreaterThanOrEqual(9);
});

test("no chart anchor covers a non-empty cell, text running on, or another chart", () => {
  let checked = 0;
  for (const tab of tabs) {
    const boxes = tab.charts.map(chartBox);
    boxes.forEach((box, i) => {
      for (let r = box.row; r < box.row + box.rows; r++) {
        for (let c = box.col; c < box.col + box.cols; c++) {
          const value = tab.values[r]?.[c] ?? null;
          if (!isBlank(value))
            throw new Error(`${tab.name}: chart "${tab.charts[i].title}" covers ${value}`);
          checked++;
        }
        // Text that runs on from the left never reaches under the chart.
        for (let c = 0; c < box.col; c++) {
          const value = tab.values[r]?.[c];
          if (typeof value !== "string" || !runsOn(tab, r, c)) continue;
          let reach = c;
          let room = tab.columnWidths[c];
          while (room < value.length) room += tab.columnWidths[++reach] ?? 8.43;
          expect(reach).toBeLessThan(box.col);
        }
      }
      for (const other of boxes.slice(i + 1)) {
        const apart =
          other.row >= box.row + box.rows ||
          box.row >= other.row + other.rows ||
          other.col >= box.col + box.cols ||
          box.col >= other.col + other.cols;
        expect(apart).toBe(true);
      }
      // A readable default size: about 64 characters by 16 rows.
      const width = tab.columnWidths.slice(box.col, box.col + box.cols).reduce((s, w) => s + w, 0);
      expect(width).toBeGreaterThanOrEqual(60);
      expect(box.rows).toBe(16);
    });
  }
  // Every chart covers at least one column of 16 rows.
  expect(checked).toBeGreaterThanOrEqual(tabs.reduce((n, t) => n + t.charts.length, 0) * 16);
});

test("every column is at least as wide as its values as displayed, within the bounds; long text wraps", () => {
  for (const tab of tabs) {
    tab.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (isBlank(value) || runsOn(tab, r, c)) return;
        const width = tab.columnWidths[c];
        const where = `${tab.name} row ${r + 1} column ${c + 1}`;
        expect([where, width >= MIN_WIDTH && width <= MAX_WIDTH]).toEqual([where, true]);
        const text = displayText(value, tab.numberFormats[r][c]);
        const wrapped = tab.wrap.some((ref) => inside(ref, r, c));
        const tableHeader = tab.tables.some((t) => {
          const at = parseRange(t.range)!;
          return at.start.row === r && c >= at.start.col && c < at.start.col + at.cols;
        });
        if (tab.styles[r][c] === "header" || tableHeader) {
          // Header rows wrap: at least the longest word fits.
          const word = Math.max(...text.split(/\s+/).map((w) => w.length));
          expect([where, wrapped, width >= word]).toEqual([where, true, true]);
        } else if (text.length > MAX_WIDTH - 3 && typeof value === "string") {
          // Text that would not fit a column of the widest width wraps in a fixed-width one.
          expect([where, wrapped, width]).toEqual([where, true, WRAP_WIDTH]);
        } else {
          expect([where, text, width >= text.length + 1]).toEqual([where, text, true]);
        }
      })
    );
  }
});

test("the scenario tabs fit the Plan column and wrap their long headers", () => {
  const baseline = tabs.find((t) => t.name === "Baseline")!;
  const plan = baseline.values[0].indexOf("Plan");
  const longest = Math.max(...baseline.values.slice(1).map((r) => String(r[plan] ?? "").length));
  expect(longest).toBe("Mid-Market AE".length);
  expect(baseline.columnWidths[plan]).toBeGreaterThan(longest);
  expect(baseline.wrap).toContain(`A1:${String.fromCharCode(64 + baseline.values[0].length)}1`);
  expect(baseline.freeze).toEqual({ rows: 1, columns: 1 });
});

test("Alignment View: the findings' messages wrap in their column and the chart is clear of them", () => {
  const view = tabs.find((t) => t.name === "Alignment View")!;
  const header = view.values.findIndex((r) => r[0] === "Severity");
  const message = view.values[header].indexOf("Message");
  expect(view.charts).toHaveLength(1);
  const box = chartBox(view.charts[0]);
  const lastFinding = view.values.length - 1;
  expect(box.col > message || box.row > lastFinding).toBe(true);
  const longest = Math.max(
    ...view.values.slice(header + 1).map((r) => String(r[message] ?? "").length)
  );
  if (longest > MAX_WIDTH) {
    expect(view.columnWidths[message]).toBe(WRAP_WIDTH);
    expect(view.wrap.some((ref) => inside(ref, header + 1, message))).toBe(true);
  } else expect(view.columnWidths[message]).toBeGreaterThan(longest);
});

test("print settings on every owned tab: area, orientation, fit to width, header and footer, breaks", () => {
  for (const tab of tabs) {
    const print = tab.print!;
    expect([tab.name, print !== null]).toEqual([tab.name, true]);
    expect(print.fitToWidth).toBe(1);
    expect(print.fitToHeight).toBe(0);
    expect(print.header).toBe(`&L&A&C&F&RRun ${RUN_DATE}`);
    expect(print.footer).toBe("&RPage &P of &N");
    expect(["portrait", "landscape"]).toContain(print.orientation);
    // The area holds every value and every chart.
    const area = parseRange(print.area)!;
    tab.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!isBlank(v))
          expect([tab.name, r, c, inside(print.area, r, c)]).toEqual([tab.name, r, c, true]);
      })
    );
    for (const chart of tab.charts) {
      const box = chartBox(chart);
      expect(box.row + box.rows).toBeLessThanOrEqual(area.start.row + area.rows);
      expect(box.col + box.cols).toBeLessThanOrEqual(area.start.col + area.cols);
      // No page starts inside a chart.
      for (const b of print.rowBreaks) expect(b > box.row && b < box.row + box.rows).toBe(false);
    }
    // No page ends on a header row (a header stays with its first rows).
    for (const b of print.rowBreaks) {
      const last = tab.styles[b - 1] ?? [];
      const headerRow = last.filter((s) => s === "header").length > 1;
      expect([tab.name, b, headerRow]).toEqual([tab.name, b, false]);
    }
  }
});

test("long tables repeat their header row, and wide tabs print landscape", () => {
  for (const name of ["Baseline", "Quotas +10%"]) {
    const tab = tabs.find((t) => t.name === name)!;
    expect(tab.print!.repeatRows).toEqual({ first: 1, last: 1 });
    expect(tab.print!.orientation).toBe("landscape");
    expect(tab.print!.rowBreaks.length).toBeGreaterThan(3);
  }
  const comparison = tabs.find((t) => t.name === "Scenario Comparison")!;
  expect(comparison.print!.orientation).toBe("landscape");
  expect(comparison.print!.repeatRows).toBeUndefined();
});

test("Scenario Comparison opens with the headline: figures per scenario, signed and coloured Δ rows", async () => {
  const comparison = tabs.find((t) => t.name === "Scenario Comparison")!;
  const { run } = await import("../../src/actions").then(async (a) => {
    const fresh = new MemoryWorkbook();
    await a.insertSampleData(fresh);
    return a.runScenarioAction(fresh);
  });
  const top = comparison.values.findIndex((r) => r[0] === HEADLINE_TITLE);
  expect(top).toBeLessThanOrEqual(4); // title, note, the actuals assumption, a gap, then the headline
  expect(comparison.values[top].slice(1, 1 + run.scenarios.length)).toEqual(
    run.scenarios.map((s) => s.name)
  );
  const row = (label: string) => top + 1 + HEADLINE_ROWS.findIndex((r) => r.label === label);
  const total = comparison.values[row("Total payout")];
  run.scenarios.forEach((s, i) => expect(total[1 + i]).toBeCloseTo(s.figures.totalPayout, 6));
  const delta = row("Δ total payout vs Baseline");
  expect(comparison.values[delta][1]).toBeNull();
  run.scenarios.slice(1).forEach((s, i) => {
    expect(comparison.values[delta][2 + i]).toBeCloseTo(
      s.figures.totalPayout - run.scenarios[0].figures.totalPayout,
      6
    );
    expect(comparison.numberFormats[delta][2 + i]).toBe(SIGNED_FORMATS.currency);
  });
  // The sign is in the number for readers who do not see colour.
  expect(displayText(-792589, SIGNED_FORMATS.currency)).toBe("-$792,589");
  expect(displayText(1175298, SIGNED_FORMATS.currency)).toBe("+$1,175,298");
  expect(displayText(0.0028, SIGNED_FORMATS.percent2)).toBe("+0.28%");
  const reps = comparison.values[row("Reps at ≥ 100% weighted attainment (share)")];
  run.scenarios.forEach((s, i) =>
    expect(reps[1 + i]).toBeCloseTo(s.figures.shareAtOrAboveWeightedTarget!, 9)
  );
  // Green cheaper, red dearer, on each cost Δ row's scenario cells.
  const colours = comparison.valueColors;
  expect(colours).toHaveLength(6);
  const cells = `C${delta + 1}:${String.fromCharCode(66 + run.scenarios.length - 1)}${delta + 1}`;
  expect(colours).toEqual(
    expect.arrayContaining([
      { range: cells, operator: "lessThan", value: 0, ...CHEAPER },
      { range: cells, operator: "greaterThan", value: 0, ...DEARER },
    ])
  );
  // The detail sections follow.
  expect(comparison.values.findIndex((r) => r[0] === "Figure")).toBeGreaterThan(
    top + HEADLINE_ROWS.length
  );
});

describe("the pass's parts", () => {
  test("displayText shows values as Excel would under CompAlign's formats", () => {
    expect(displayText(1234567.4, "$#,##0")).toBe("$1,234,567");
    expect(displayText(-1234.5, "$#,##0")).toBe("-$1,235");
    expect(displayText(0.1234, "0.0%")).toBe("12.3%");
    expect(displayText(0.5, "0%")).toBe("50%");
    expect(displayText(0.68123, "0.000")).toBe("0.681");
    expect(displayText(1234, "#,##0")).toBe("1,234");
    expect(displayText(0, "+$#,##0;-$#,##0;$0")).toBe("$0");
    expect(displayText(46000, "yyyy-mm-dd")).toBe("yyyy-mm-dd");
    expect(displayText(1 / 3, null)).toBe("0.333333333");
    expect(displayText(12, null)).toBe("12");
    expect(displayText("Mid-Market AE", null)).toBe("Mid-Market AE");
    expect(displayText(true, null)).toBe("TRUE");
    expect(displayText(null, "0%")).toBe("");
  });

  test("closeGaps leaves one empty row between blocks and moves every range with its rows", () => {
    const spec: SheetSpec = {
      name: "T",
      blocks: [
        { at: "A1", values: [["Title"]], style: "title" },
        {
          at: "A3",
          values: [
            ["h", "v"],
            ["a", 1],
          ],
        },
        {
          at: "A20",
          values: [
            ["h2", "v2"],
            ["b", 2],
          ],
        },
      ],
      tables: [{ name: "Two", range: "A20:B21" }],
      charts: [{ type: "column", title: "c", dataRange: "A20:B21", at: "D20" }],
      colorScales: [{ range: "B21:B21", minColor: "#FFFFFF", maxColor: "#000000" }],
    };
    const closed = closeGaps(spec);
    expect(closed.blocks.map((b) => b.at)).toEqual(["A1", "A3", "A6"]);
    expect(closed.tables).toEqual([{ name: "Two", range: "A6:B7" }]);
    expect(closed.charts![0].dataRange).toBe("A6:B7");
    expect(closed.colorScales![0].range).toBe("B7");
    // Formulas may point anywhere: such a spec keeps its rows.
    const withFormula = {
      ...spec,
      blocks: [...spec.blocks, { at: "D30", values: [[0]], formulas: [["=B21"]] }],
    };
    expect(closeGaps(withFormula)).toBe(withFormula);
  });

  test("pageBreaks never ends a page inside a group unless the group started the page", () => {
    const height = () => 10;
    // 100 rows of 10 pt, 250 pt pages: 25 rows a page; a group over rows 20–30 moves the break.
    expect(pageBreaks(100, height, 250, 0, [])).toEqual([25, 50, 75]);
    expect(pageBreaks(100, height, 250, 0, [[20, 30]])).toEqual([20, 45, 70, 95]);
    // A repeated header row takes room on every page after the first.
    expect(pageBreaks(100, height, 250, 10, [])).toEqual([25, 49, 73, 97]);
  });

  test("the pass is idempotent, keeps a spec with its own print setup, and gives valid specs", () => {
    const spec: SheetSpec = {
      name: "T",
      blocks: [
        {
          at: "A1",
          values: [
            ["Plan", "Payout"],
            ["Mid-Market AE", 1234567],
          ],
          numberFormats: [null, "$#,##0"],
        },
      ],
      charts: [{ type: "column", title: "c", dataRange: "A1:B2", at: "B1" }],
    };
    const once = arrangeReport(spec, { runDate: "2026-01-02" });
    checkSpec(once);
    expect(arrangeReport(once, { runDate: "2027-01-01" })).toBe(once);
    expect(once.columnWidths!.slice(0, 2)).toEqual([17, 13]);
    expect(once.charts![0].at).toBe("D1");
    expect(once.print!.header).toContain("Run 2026-01-02");
    // Without a run date the header prints Excel's print date; an & in text is escaped.
    expect(arrangeReport(spec).print!.header).toContain("Printed &D");
    expect(arrangeReport(spec, { runDate: "Q1 & Q2" }).print!.header).toContain("Run Q1 && Q2");
  });

  test("a bad print setup is a clear error naming the sheet", () => {
    const base: SheetSpec = { name: "P", blocks: [{ at: "A1", values: [[1]] }] };
    const print = {
      area: "A1:B2",
      orientation: "portrait" as const,
      fitToWidth: 1,
      fitToHeight: 0,
      header: "",
      footer: "",
      rowBreaks: [],
    };
    expect(() => checkSpec({ ...base, print: { ...print, area: "nowhere" } })).toThrow(
      /sheet "P": print area range "nowhere"/
    );
    expect(() => checkSpec({ ...base, print: { ...print, rowBreaks: [5, 3] } })).toThrow(
      /page breaks must be ascending/
    );
    expect(() => checkSpec({ ...base, print: { ...print, header: "x".repeat(256) } })).toThrow(
      /header is longer than 255/
    );
    expect(() => checkSpec({ ...base, rowHeights: [{ row: 1, points: 500 }] })).toThrow(
      /row height 500/
    );
    expect(() =>
      checkSpec({
        ...base,
        valueColors: [{ range: "A1", operator: "lessThan", value: 0, fontColor: "green" }],
      })
    ).toThrow(/not a #RRGGBB colour/);
  });
});
