/**
 * One sheet as CompAlign's adapters model it: cells (value, formula, number format, style) and
 * the sheet's tables, validations, colour scales, charts, column widths, freeze panes and tab
 * colour. The memory workbook keeps its sheets in this form (the playground renders it as a
 * grid); the xlsx adapter lays a spec out in this form before writing it to a file, so both
 * agree on what a spec puts in which cell.
 */
import { formatRange, parseA1, parseRange } from "./a1";
import type {
  ChartSpec,
  ColorScaleSpec,
  PrintSpec,
  SheetSpec,
  TableSpec,
  ValidationSpec,
  ValueColorSpec,
} from "./port";
import { CellStore, type CellState, type CellStyle } from "./cellStore";

export interface SheetModel {
  name: string;
  cells: CellStore;
  tables: TableSpec[];
  validations: ValidationSpec[];
  colorScales: ColorScaleSpec[];
  charts: ChartSpec[];
  /** Column widths in characters from column A (what the spec set; other columns keep Excel's default). */
  columnWidths: number[];
  freeze: { rows: number; columns: number } | null;
  /** "#RRGGBB", or null for none. */
  tabColor: string | null;
  /** Ranges whose cells wrap their text. */
  wrap: string[];
  /** Row heights in points, 1-based rows. */
  rowHeights: { row: number; points: number }[];
  valueColors: ValueColorSpec[];
  /** Print setup, or null when the spec set none. */
  print: PrintSpec | null;
}

export function emptySheet(name: string): SheetModel {
  return {
    name,
    cells: new CellStore(),
    tables: [],
    validations: [],
    colorScales: [],
    charts: [],
    columnWidths: [],
    freeze: null,
    tabColor: null,
    wrap: [],
    rowHeights: [],
    valueColors: [],
    print: null,
  };
}

/**
 * Writes a spec's blocks into the sheet's cells, in order, as the Office adapter does: a value
 * replaces the cell's content (text stays text, whatever its first character; null and "" leave
 * the cell blank, as Office.js's "" does); a formula sets the formula, with the value under it
 * kept as its result. Number formats and style apply to every cell of the block.
 */
export function writeBlocks(cells: CellStore, spec: SheetSpec): void {
  for (const block of spec.blocks) {
    const anchor = parseA1(block.at)!;
    const style: CellStyle | null = block.style && block.style !== "plain" ? block.style : null;
    const { formulas, numberFormats } = block;
    // One write per cell and no other allocation (a large block is a million cells).
    for (let r = 0; r < block.values.length; r++) {
      const row = block.values[r];
      for (let c = 0; c < row.length; c++) {
        if (!(c in row)) continue;
        const given = row[c];
        const value = given === "" ? null : given;
        const formula = formulas?.[r]?.[c] ?? null;
        const numberFormat = numberFormats?.[c] ?? null;
        const at = anchor.row + r;
        const col = anchor.col + c;
        const withValue = value !== null || formula !== null || cells.has(at, col);
        if (withValue || numberFormat !== null || style !== null)
          cells.write(at, col, withValue, value, formula, numberFormat, style);
      }
    }
  }
}

/** Excel's style for a new table when none is given. */
export const DEFAULT_TABLE_STYLE = "TableStyleMedium2";

/** "$a$1:$c$9" → "A1:C9" (ranges are checked before they get here). */
const normalRange = (range: string) => formatRange(parseRange(range)!);

/**
 * A new sheet holding what the spec describes, as Excel would keep it: ranges without "$",
 * colours in capitals, a table's style filled in. The spec is copied, never kept.
 */
export function layoutSheet(spec: SheetSpec, name = spec.name): SheetModel {
  const sheet = emptySheet(name);
  writeBlocks(sheet.cells, spec);
  sheet.tables = (spec.tables ?? []).map((t) => ({
    name: t.name,
    range: normalRange(t.range),
    style: t.style ?? DEFAULT_TABLE_STYLE,
  }));
  sheet.validations = (spec.validations ?? []).map((v) => ({
    ...v,
    range: normalRange(v.range),
    list: Array.isArray(v.list) ? [...v.list] : { source: v.list.source.replace(/^=/, "") },
  }));
  sheet.colorScales = (spec.colorScales ?? []).map((c) => ({
    range: normalRange(c.range),
    minColor: c.minColor.toUpperCase(),
    ...(c.midColor !== undefined ? { midColor: c.midColor.toUpperCase() } : {}),
    maxColor: c.maxColor.toUpperCase(),
  }));
  sheet.charts = structuredClone(spec.charts ?? []);
  sheet.columnWidths = [...(spec.columnWidths ?? [])];
  sheet.freeze =
    spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0) ? { ...spec.freeze } : null;
  sheet.tabColor = spec.tabColor?.toUpperCase() ?? null;
  sheet.wrap = (spec.wrap ?? []).map(normalRange);
  sheet.rowHeights = (spec.rowHeights ?? []).map((h) => ({ ...h }));
  sheet.valueColors = (spec.valueColors ?? []).map((v) => ({
    ...v,
    range: normalRange(v.range),
    fontColor: v.fontColor.toUpperCase(),
    ...(v.fillColor !== undefined ? { fillColor: v.fillColor.toUpperCase() } : {}),
  }));
  sheet.print = spec.print
    ? {
        ...structuredClone(spec.print),
        area: normalRange(spec.print.area),
        rowBreaks: [...spec.print.rowBreaks],
      }
    : null;
  return sheet;
}

/**
 * A sheet's cells read straight from its spec's blocks, without storing a cell per cell: the
 * same cells `writeBlocks` would store (later blocks over earlier ones, field by field), for
 * sheets that are only written out and rarely read back (the xlsx adapter's report sheets, up
 * to millions of cells). Reading a cell scans the blocks that cover it; `forEach` visits rows
 * in order. The spec's arrays are kept, not copied: they must not change afterwards.
 */
export class SpecCells extends CellStore {
  private readonly blocks: {
    row: number;
    col: number;
    rows: number;
    cols: number;
    block: SheetSpec["blocks"][number];
    style: CellStyle | null;
  }[];

  constructor(spec: SheetSpec) {
    super();
    this.blocks = spec.blocks.map((block) => {
      const anchor = parseA1(block.at)!;
      return {
        row: anchor.row,
        col: anchor.col,
        rows: block.values.length,
        cols: Math.max(0, ...block.values.map((r) => r.length)),
        block,
        style: block.style && block.style !== "plain" ? block.style : null,
      };
    });
  }

  /** The cell as the blocks leave it, or undefined when no block wrote it. */
  private cell(row: number, col: number, blocks = this.blocks): CellState | undefined {
    let cell: CellState | undefined;
    for (const b of blocks) {
      const r = row - b.row;
      const c = col - b.col;
      if (r < 0 || c < 0 || r >= b.rows) continue;
      const values = b.block.values[r];
      if (c >= values.length) continue;
      const given = values[c];
      const value = given === "" ? null : given;
      const formula = b.block.formulas?.[r]?.[c] ?? null;
      const numberFormat = b.block.numberFormats?.[c] ?? null;
      if (value !== null || formula !== null || cell) {
        cell ??= { value: null, formula: null, numberFormat: null, style: null };
        cell.value = value;
        cell.formula = formula;
      }
      if (numberFormat !== null) {
        cell ??= { value: null, formula: null, numberFormat: null, style: null };
        cell.numberFormat = numberFormat;
      }
      if (b.style !== null) {
        cell ??= { value: null, formula: null, numberFormat: null, style: null };
        cell.style = b.style;
      }
    }
    return cell;
  }

  override get(row: number, col: number): Readonly<CellState> {
    return this.cell(row, col) ?? { value: null, formula: null, numberFormat: null, style: null };
  }

  override has(row: number, col: number): boolean {
    return this.cell(row, col) !== undefined;
  }

  override update(): void {
    throw new Error("SpecCells are read-only");
  }

  /**
   * Visits every cell the blocks write, row by row, left to right. The cell object handed to
   * `visit` is reused from call to call on rows one block covers (a detail tab is a million
   * cells): read its fields during the call, do not keep it.
   */
  override forEach(visit: (cell: Readonly<CellState>, row: number, col: number) => void): void {
    const blocks = this.blocks;
    let last = 0;
    for (const b of blocks) last = Math.max(last, b.row + b.rows);
    // The rows where the set of covering blocks changes; between them it is the same.
    const edges = [...new Set(blocks.flatMap((b) => [b.row, b.row + b.rows]))].sort(
      (x, y) => x - y
    );
    const scratch: CellState = { value: null, formula: null, numberFormat: null, style: null };
    let covering: SpecCells["blocks"] = [];
    for (let row = 0, edge = 0; row < last; row++) {
      if (edge < edges.length && edges[edge] <= row) {
        while (edge < edges.length && edges[edge] <= row) edge++;
        covering = blocks.filter((b) => row >= b.row && row < b.row + b.rows);
      }
      if (covering.length === 0) continue;
      if (covering.length === 1) {
        const b = covering[0];
        const r = row - b.row;
        const values = b.block.values[r];
        const formulas = b.block.formulas?.[r];
        const formats = b.block.numberFormats;
        const style = b.style;
        for (let c = 0; c < values.length; c++) {
          const given = values[c];
          const value = given === "" ? null : given;
          const formula = formulas?.[c] ?? null;
          const numberFormat = formats?.[c] ?? null;
          if (value === null && formula === null && numberFormat === null && style === null)
            continue;
          scratch.value = value;
          scratch.formula = formula;
          scratch.numberFormat = numberFormat;
          scratch.style = style;
          visit(scratch, row, b.col + c);
        }
        continue;
      }
      const cols = new Set<number>();
      for (const b of covering) {
        const length = b.block.values[row - b.row].length;
        for (let c = 0; c < length; c++) cols.add(b.col + c);
      }
      for (const col of [...cols].sort((a, b) => a - b)) {
        const cell = this.cell(row, col, covering);
        if (cell) visit(cell, row, col);
      }
    }
  }
}

/**
 * Like `layoutSheet`, but the cells are read from the spec (`SpecCells`) instead of stored one by
 * one: for large report sheets that are streamed to a file. The spec must not change afterwards.
 */
export function viewSheet(spec: SheetSpec, name = spec.name): SheetModel {
  const sheet = layoutSheet({ ...spec, blocks: [] }, name);
  sheet.cells = new SpecCells(spec);
  return sheet;
}
