/**
 * The layout pass every CompAlign-owned report tab goes through before an adapter writes it
 * (memory, xlsx and office call `arrangeReport` in `writeOwnedSheets`), so every tab — the
 * Alignment View, scenario tabs, the Scenario Comparison, Pulse Check, Plan pages and any tab
 * added later — is readable on screen and prints well without code of its own:
 *
 * - **Column widths from content**: each column as wide as its longest value as displayed with
 *   its number format (displayText.ts), plus padding, within MIN_WIDTH–MAX_WIDTH characters.
 *   Text longer than MAX_WIDTH wraps in a WRAP_WIDTH column instead of running into the next
 *   cell. Header rows (a header-style block of several columns, a table's first row) wrap, so a
 *   long header takes two lines rather than a wide column. A one-column title, note or section
 *   label whose right neighbour is empty may run on to the right and does not size its column.
 * - **Header rows frozen**: the first header row near the top (unless the spec froze rows).
 * - **Charts in their own area**: beside the data (one empty column after the last used
 *   column, each chart level with its source data) when data and chart fit a landscape page
 *   together, else below the data (one empty row after the last used row), left to right in
 *   bands. Either way a chart covers only cells that hold nothing and that no text runs into,
 *   at a readable size (about CHART_WIDTH characters × CHART_ROWS rows).
 * - **Print setup**: print area over the data and charts; landscape when the area is wider
 *   than tall or wider than a portrait page; fit to one page wide, as many tall as needed;
 *   the header row of a table longer than a page repeated on every page; header with the tab
 *   (&A) and workbook (&F) names and the run date (passed in: nothing here reads a clock;
 *   without one the header prints Excel's print date &D); footer "Page n of N"; and manual page
 *   breaks so a page never splits a chart, nor a table's header from its first rows.
 *
 * A spec that already has `print` is returned as it is: its author laid it out (or it was laid
 * out already), so the pass is idempotent.
 */
import { columnLetters, formatRange, parseRange } from "./a1";
import type { CellState } from "./cellStore";
import { displayText } from "./displayText";
import type { ChartSpec, PrintSpec, SheetSpec } from "./port";
import { viewSheet } from "./sheetModel";

export interface ReportLayoutOptions {
  /** The date the report was run, as it should print ("2026-12-06"); null prints Excel's &D. */
  runDate?: string | null;
}

/** Column widths in characters (Excel's unit: the width of a digit of the default font). */
export const MIN_WIDTH = 6;
export const MAX_WIDTH = 50;
export const WRAP_WIDTH = 50;
const PADDING = 2;
/** Room for fonts wider than Excel's Calibri (LibreOffice without Carlito uses DejaVu Sans). */
const FONT_SLACK = 1.1;
/** Excel's default column width. */
const DEFAULT_WIDTH = 8.43;
/** A chart's readable default: width in characters, height in rows. */
export const CHART_WIDTH = 64;
export const CHART_ROWS = 16;
const CHART_COLUMN_WIDTH = 9;
const GAP_COLUMN_WIDTH = 2;
/** Data plus a chart beside it up to this many characters wide; wider puts charts below. */
const BESIDE_LIMIT = 170;
/** Rows of a table kept on the page of its header. */
const KEEP_WITH_HEADER = 3;
/** How far down a header row may be and still be frozen. */
const FREEZE_WITHIN_ROWS = 8;

/** Row heights in points. */
const ROW_POINTS = 15;
const TITLE_POINTS = 19;
/** Excel's tallest row. */
const MAX_ROW_POINTS = 409;
/**
 * The printable page in points, on the smaller of A4 and Letter (8.27 × 11 in), with Excel's
 * normal margins (0.7 in left and right, 0.75 in top and bottom) and room for the header and
 * footer; a safety margin keeps the estimate on the short side so CompAlign's page breaks come
 * before the spreadsheet's own.
 */
const PAGE = {
  portrait: { width: (8.27 - 1.4) * 72, height: (11 - 2.1) * 72 },
  landscape: { width: (11 - 1.4) * 72, height: (8.27 - 2.1) * 72 },
};
const PAGE_SAFETY = 0.9;

/** Points of a column `chars` wide (as Office.js's columnWidth: 7 px a character plus 5 px). */
const widthPoints = (chars: number) => (chars > 0 ? (chars * 7 + 5) * 0.75 : 0);

interface Run {
  /** Header row and last row of a header-plus-data run (0-based). */
  header: number;
  last: number;
  cols: { start: number; count: number };
}

/** Escapes text for a header/footer section (& starts a code). */
const headerText = (text: string) => text.replace(/&/g, "&&");

export function arrangeReport(spec: SheetSpec, options: ReportLayoutOptions = {}): SheetSpec {
  if (spec.print) return spec;
  spec = closeGaps(spec);
  // Cells read from the spec, not stored one by one (a detail tab is a million cells).
  const model = viewSheet(spec);
  const cells = model.cells;

  // Which cells may run on (one-column title / note / section label blocks) and which are headers.
  const runOn = new Set<string>();
  // Rows holding a run-on cell: most rows hold none, so most cells skip the string key.
  const runOnRows = new Set<number>();
  const key = (r: number, c: number) => `${r},${c}`;
  const headerRanges: { row: number; col: number; cols: number }[] = [];
  for (const block of spec.blocks) {
    const at = parseRange(block.at)!.start;
    const cols = block.values[0]?.length ?? 0;
    if (cols === 1 && block.style && block.style !== "plain") {
      block.values.forEach((_, r) => {
        const right = cells.get(at.row + r, at.col + 1);
        if (right.value === null && right.formula === null) {
          runOn.add(key(at.row + r, at.col));
          runOnRows.add(at.row + r);
        }
      });
    } else if (cols > 1 && block.style === "header") {
      block.values.forEach((_, r) => headerRanges.push({ row: at.row + r, col: at.col, cols }));
    }
  }
  for (const table of model.tables) {
    const t = parseRange(table.range)!;
    headerRanges.push({ row: t.start.row, col: t.start.col, cols: t.cols });
  }
  const headerRows = new Set(headerRanges.map((h) => h.row));
  const isHeader = (r: number, c: number) =>
    headerRows.has(r) && headerRanges.some((h) => h.row === r && c >= h.col && c < h.col + h.cols);
  const isRunOn = (r: number, c: number) => runOnRows.has(r) && runOn.has(key(r, c));

  // Widest displayed text per column; numbers by their extremes (length grows with magnitude).
  // One pass over the cells: also the rows any written cell reaches and the title rows.
  let extentRows = 0;
  const titleRows: number[] = [];
  let lastRow = -1;
  let lastCol = -1;
  const need: number[] = [];
  const longText = new Set<number>();
  // Per column, by number format.
  type Extremes = { max: number; min: number; format: string | null; col: number };
  const numeric: Map<string, Extremes>[] = [];
  const lastNumeric: (Extremes | undefined)[] = [];
  const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => w.length));
  const cellText: { row: number; col: number; text: string; header: boolean }[] = [];
  const isBlank = (c: Readonly<CellState>) =>
    (c.value === null || c.value === "") && c.formula === null;
  cells.forEach((cell, row, col) => {
    if (row >= extentRows) extentRows = row + 1;
    if (cell.style === "title") titleRows.push(row);
    if (isBlank(cell)) return;
    lastRow = Math.max(lastRow, row);
    lastCol = Math.max(lastCol, col);
    if (isRunOn(row, col)) return;
    const header = isHeader(row, col);
    if (typeof cell.value === "number" && !header) {
      const value = cell.value;
      // A column's numbers mostly share one format: the last one's extremes first.
      let seen = lastNumeric[col];
      if (seen === undefined || seen.format !== cell.numberFormat) {
        const k = cell.numberFormat ?? "";
        const byFormat = numeric[col] ?? (numeric[col] = new Map());
        seen = byFormat.get(k);
        if (!seen)
          byFormat.set(k, (seen = { max: value, min: value, format: cell.numberFormat, col }));
        lastNumeric[col] = seen;
      }
      if (value > seen.max) seen.max = value;
      else if (value < seen.min) seen.min = value;
      return;
    }
    const text = displayText(cell.value, cell.numberFormat);
    let chars = text.length;
    if (header) chars = Math.max(longestWord(text), Math.ceil(text.length / 2)) + 1;
    else if (Math.ceil(chars * FONT_SLACK) + PADDING > MAX_WIDTH) {
      longText.add(col);
      chars = WRAP_WIDTH;
    }
    need[col] = Math.max(need[col] ?? 0, chars);
    if (header || chars >= WRAP_WIDTH) cellText.push({ row, col, text, header });
  });
  for (const { max, min, format, col } of numeric.flatMap((m) => (m ? [...m.values()] : []))) {
    const chars = Math.max(displayText(max, format).length, displayText(min, format).length);
    need[col] = Math.max(need[col] ?? 0, Math.min(chars, MAX_WIDTH));
  }
  const widths: number[] = [];
  for (let c = 0; c <= lastCol; c++) {
    widths[c] =
      need[c] === undefined
        ? DEFAULT_WIDTH
        : longText.has(c)
          ? WRAP_WIDTH
          : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(need[c] * FONT_SLACK) + PADDING));
  }

  const widthOf = (c: number) => widths[c] ?? DEFAULT_WIDTH;

  // Wrap: header rows, and each long-text column over its rows (never over a run-on cell).
  const wrap: string[] = [...(spec.wrap ?? [])];
  for (const h of headerRanges)
    wrap.push(formatRange({ start: { row: h.row, col: h.col }, rows: 1, cols: h.cols }));
  // A row holding long text wraps (and tops) every cell of it, so the row reads from its top.
  const usable = (r: number, c: number) => !isBlank(cells.get(r, c)) && !isRunOn(r, c);
  let run: { start: number; rows: number; col: number; cols: number } | null = null;
  const flushRun = () => {
    if (run)
      wrap.push(
        formatRange({ start: { row: run.start, col: run.col }, rows: run.rows, cols: run.cols })
      );
    run = null;
  };
  const longCols = [...longText];
  for (let r = 0; longCols.length > 0 && r <= extentRows; r++) {
    if (!longCols.some((c) => usable(r, c))) {
      flushRun();
      continue;
    }
    let first = -1;
    let last = -1;
    for (let c = 0; c <= lastCol; c++) {
      if (!usable(r, c)) continue;
      if (first < 0) first = c;
      last = c;
    }
    const current = run as { start: number; rows: number; col: number; cols: number } | null;
    if (
      current &&
      current.col === first &&
      current.cols === last - first + 1 &&
      current.start + current.rows === r
    ) {
      current.rows++;
    } else {
      flushRun();
      run = { start: r, rows: 1, col: first, cols: last - first + 1 };
    }
  }
  flushRun();

  // Row heights (points): titles taller, wrapped cells by their lines.
  const rowPoints: number[] = [];
  const heightOf = (r: number) => rowPoints[r] ?? ROW_POINTS;
  for (const row of titleRows) rowPoints[row] = Math.max(heightOf(row), TITLE_POINTS);
  for (const { row, col, text } of cellText) {
    const perLine = Math.max(1, (widthOf(col) - 1) / FONT_SLACK);
    const lines = text
      .split("\n")
      .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
    rowPoints[row] = Math.min(MAX_ROW_POINTS, Math.max(heightOf(row), lines * ROW_POINTS));
  }

  // How far text that runs on reaches, per row (last column it covers).
  const runOnEnd: number[] = [];
  for (const k of runOn) {
    const [row, col] = k.split(",").map(Number);
    const cell = cells.get(row, col);
    const chars =
      displayText(cell.value, cell.numberFormat).length * (cell.style === "title" ? 1.35 : 1);
    let c = col;
    let covered = widthOf(c);
    while (covered < chars) covered += widthOf(++c);
    runOnEnd[row] = Math.max(runOnEnd[row] ?? -1, c);
  }

  // Charts.
  const dataWidth = widths.reduce((s, w) => s + w, 0);
  const charts: ChartSpec[] = [];
  const specCharts = spec.charts ?? [];
  let areaCols = lastCol + 1;
  let areaRows = lastRow + 1;
  if (specCharts.length > 0) {
    const besideCols = Math.ceil(CHART_WIDTH / CHART_COLUMN_WIDTH);
    if (dataWidth + GAP_COLUMN_WIDTH + besideCols * CHART_COLUMN_WIDTH <= BESIDE_LIMIT) {
      const col = lastCol + 2;
      widths[lastCol + 1] = GAP_COLUMN_WIDTH;
      for (let c = col; c < col + besideCols; c++) widths[c] = CHART_COLUMN_WIDTH;
      let free = 0;
      for (const chart of specCharts) {
        const source = parseRange(chart.dataRange)?.start.row ?? 0;
        let top = Math.max(source, free);
        // Never where text runs on into the chart's columns.
        for (let r = top; r < top + CHART_ROWS; r++) {
          if ((runOnEnd[r] ?? -1) >= col) top = r + 1;
        }
        charts.push(placed(chart, col, top, besideCols));
        free = top + CHART_ROWS + 1;
      }
      areaCols = col + besideCols;
      areaRows = Math.max(areaRows, free - 1);
    } else {
      const bandWidth = Math.max(dataWidth, CHART_WIDTH);
      let top = lastRow + 2;
      let col = 0;
      for (const chart of specCharts) {
        let cols = spanFor(col, widthOf);
        const used = () => sumWidths(widthOf, 0, col + cols);
        if (col > 0 && used() > bandWidth) {
          top += CHART_ROWS + 1;
          col = 0;
          cols = spanFor(col, widthOf);
        }
        charts.push(placed(chart, col, top, cols));
        areaCols = Math.max(areaCols, col + cols);
        col += cols;
      }
      areaRows = top + CHART_ROWS;
    }
  }
  for (const end of runOnEnd) if (end !== undefined) areaCols = Math.max(areaCols, end + 1);
  areaCols = Math.max(areaCols, 1);
  areaRows = Math.max(areaRows, 1);
  const columnWidths = Array.from({ length: areaCols }, (_, c) => round1(widthOf(c)));

  // Freeze: the spec's choice, else the first header row near the top.
  const firstHeader = headerRanges.map((h) => h.row).sort((a, b) => a - b)[0];
  const freezeRows =
    spec.freeze && spec.freeze.rows > 0
      ? spec.freeze.rows
      : firstHeader !== undefined && firstHeader < FREEZE_WITHIN_ROWS
        ? firstHeader + 1
        : 0;
  const freeze = { rows: freezeRows, columns: spec.freeze?.columns ?? 0 };

  // Print.
  const areaWidth = columnWidths.reduce((s, w) => s + widthPoints(w), 0);
  let areaHeight = 0;
  for (let r = 0; r < areaRows; r++) areaHeight += heightOf(r);
  const orientation =
    areaWidth > areaHeight || areaWidth > PAGE.portrait.width ? "landscape" : "portrait";
  const page = PAGE[orientation];
  const scale = Math.min(1, page.width / areaWidth);
  const capacity = (page.height / scale) * PAGE_SAFETY;

  const runs = headerRuns(headerRanges, cells, isBlank, areaRows);
  let repeatRows: PrintSpec["repeatRows"];
  let above = 0;
  for (let r = 0, run = 0; r < areaRows && !repeatRows; r++) {
    while (run < runs.length && runs[run].header === r) {
      const { header, last } = runs[run++];
      let length = 0;
      for (let k = header; k <= last; k++) length += heightOf(k);
      if (length > capacity && above < capacity / 2)
        repeatRows = { first: header + 1, last: header + 1 };
    }
    above += heightOf(r);
  }
  const repeatHeight = repeatRows ? heightOf(repeatRows.first - 1) : 0;

  // Groups of rows a page must not split: each chart; each header with its first rows (and
  // the section label just above it).
  const groups: [number, number][] = [];
  for (const chart of charts) {
    const top = parseRange(chart.at)!.start.row;
    groups.push([top, top + (chart.heightCells ?? CHART_ROWS) - 1]);
  }
  for (const run of runs) {
    const labelAbove = run.header > 0 && runOn.has(key(run.header - 1, run.cols.start));
    groups.push([
      labelAbove ? run.header - 1 : run.header,
      Math.min(run.last, run.header + KEEP_WITH_HEADER),
    ]);
  }
  const rowBreaks = pageBreaks(areaRows, heightOf, capacity, repeatHeight, groups);

  const runDate = options.runDate ?? null;
  const print: PrintSpec = {
    area: formatRange({ start: { row: 0, col: 0 }, rows: areaRows, cols: areaCols }),
    orientation,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(repeatRows ? { repeatRows } : {}),
    header: `&L&A&C&F&R${runDate === null ? "Printed &D" : `Run ${headerText(runDate)}`}`,
    footer: "&RPage &P of &N",
    rowBreaks,
  };

  const rowHeights: { row: number; points: number }[] = [];
  for (const row of new Set(cellText.map((t) => t.row))) {
    if (heightOf(row) > ROW_POINTS) rowHeights.push({ row: row + 1, points: heightOf(row) });
  }
  rowHeights.sort((a, b) => a.row - b.row);

  return {
    ...spec,
    charts,
    columnWidths,
    ...(rowHeights.length > 0 ? { rowHeights } : {}),
    wrap: dedupe(wrap),
    ...(freeze.rows > 0 || freeze.columns > 0 ? { freeze } : {}),
    print,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const dedupe = (list: string[]) => [...new Set(list)];

function sumWidths(widthOf: (c: number) => number, from: number, to: number): number {
  let total = 0;
  for (let c = from; c < to; c++) total += widthOf(c);
  return total;
}

/** Columns from `col` whose widths add up to a readable chart width. */
function spanFor(col: number, widthOf: (c: number) => number): number {
  let cols = 0;
  let covered = 0;
  while (covered < CHART_WIDTH) covered += widthOf(col + cols++);
  return cols;
}

function placed(chart: ChartSpec, col: number, row: number, cols: number): ChartSpec {
  return {
    ...chart,
    at: `${columnLetters(col)}${row + 1}`,
    widthCells: cols,
    heightCells: CHART_ROWS,
  };
}

/** Header rows with the data under them: down while the header's columns hold something. */
function headerRuns(
  headers: readonly { row: number; col: number; cols: number }[],
  cells: { get(r: number, c: number): Readonly<CellState> },
  isBlank: (c: Readonly<CellState>) => boolean,
  rows: number
): Run[] {
  const runs = new Map<number, Run>();
  for (const h of headers) {
    if (runs.has(h.row)) continue;
    let last = h.row;
    const filled = (r: number) => {
      for (let c = h.col; c < h.col + h.cols; c++) if (!isBlank(cells.get(r, c))) return true;
      return false;
    };
    while (last + 1 < rows && filled(last + 1) && !headers.some((o) => o.row === last + 1)) last++;
    runs.set(h.row, { header: h.row, last, cols: { start: h.col, count: h.cols } });
  }
  return [...runs.values()].sort((a, b) => a.header - b.header);
}

/**
 * Where pages start: greedy, as much as fits on a page, but a page that would end inside a
 * group (a chart, a header with its first rows) ends before the group instead, unless the
 * group started the page. Returns the 1-based rows after which a new page starts.
 */
export function pageBreaks(
  rows: number,
  heightOf: (row: number) => number,
  capacity: number,
  repeatHeight: number,
  groups: readonly [number, number][]
): number[] {
  const breaks: number[] = [];
  let pageStart = 0;
  let used = 0;
  for (let r = 0; r < rows; r++) {
    const h = heightOf(r);
    const room = capacity - (breaks.length > 0 ? repeatHeight : 0);
    if (used + h > room && r > pageStart) {
      const inside = groups
        .filter(([a, b]) => a <= r && r <= b && a > pageStart)
        .reduce((min, [a]) => Math.min(min, a), r);
      pageStart = inside;
      breaks.push(pageStart);
      used = 0;
      for (let k = pageStart; k < r; k++) used += heightOf(k);
    }
    used += h;
  }
  return breaks;
}

/**
 * Blocks top to bottom with one empty row between them at most: runs of rows between blocks that no block covers
 * (room a report left for a chart the pass now places itself) close up, and every range moves
 * with its rows. A spec with formulas or validations keeps its rows as they are (a formula may
 * point at any cell).
 */
export function closeGaps(spec: SheetSpec): SheetSpec {
  if (
    (spec.validations?.length ?? 0) > 0 ||
    spec.blocks.some((b) => b.formulas?.some((row) => row.some((f) => f !== null)))
  )
    return spec;
  const covered: boolean[] = [];
  let end = 0;
  for (const block of spec.blocks) {
    const top = parseRange(block.at)!.start.row;
    for (let r = 0; r < block.values.length; r++) covered[top + r] = true;
    end = Math.max(end, top + block.values.length);
  }
  const map: number[] = [];
  let next = 0;
  const first = covered.findIndex(Boolean);
  for (let r = 0; r < end; r++) {
    const gap = !covered[r];
    // Rows above the first block stay as the author left them.
    if (gap && r > first && !covered[r - 1]) {
      map[r] = next - 1;
      continue;
    }
    map[r] = next++;
  }
  if (next === end) return spec;
  const row = (r: number) => (r < end ? map[r] : r - end + next);
  const moveRange = (ref: string) => {
    const at = parseRange(ref);
    if (!at) return ref;
    const top = row(at.start.row);
    const bottom = row(at.start.row + at.rows - 1);
    return formatRange({
      start: { row: top, col: at.start.col },
      rows: bottom - top + 1,
      cols: at.cols,
    });
  };
  const moveCell = (ref: string) => {
    const at = parseRange(ref)!.start;
    return `${columnLetters(at.col)}${row(at.row) + 1}`;
  };
  return {
    ...spec,
    blocks: spec.blocks.map((b) => ({ ...b, at: moveCell(b.at) })),
    ...(spec.tables
      ? { tables: spec.tables.map((t) => ({ ...t, range: moveRange(t.range) })) }
      : {}),
    ...(spec.colorScales
      ? { colorScales: spec.colorScales.map((c) => ({ ...c, range: moveRange(c.range) })) }
      : {}),
    ...(spec.valueColors
      ? { valueColors: spec.valueColors.map((v) => ({ ...v, range: moveRange(v.range) })) }
      : {}),
    ...(spec.wrap ? { wrap: spec.wrap.map(moveRange) } : {}),
    ...(spec.charts
      ? {
          charts: spec.charts.map((c) => ({
            ...c,
            dataRange: moveRange(c.dataRange),
            at: moveCell(c.at),
          })),
        }
      : {}),
    ...(spec.freeze && spec.freeze.rows > 0
      ? { freeze: { ...spec.freeze, rows: row(spec.freeze.rows - 1) + 1 } }
      : {}),
  };
}
