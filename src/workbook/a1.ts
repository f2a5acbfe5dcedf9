/** A1-style cell addresses: "B7" ↔ zero-based row and column. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface CellPosition {
  /** Zero-based row. */
  row: number;
  /** Zero-based column. */
  col: number;
}

export interface RangePosition {
  start: CellPosition;
  rows: number;
  cols: number;
}

/** "A" → 0, "XFD" → 16383. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 → "A", 16383 → "XFD". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function formatA1(position: CellPosition): string {
  return `${columnLetters(position.col)}${position.row + 1}`;
}

/** "$B$7" or "B7" → position; undefined when it is not a cell address. */
export function parseA1(address: string): CellPosition | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return undefined;
  const col = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  if (col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return undefined;
  return { row, col };
}

/** "B2:C5" (or a single "B2") → start and size; undefined when it is not a range. */
export function parseRange(ref: string): RangePosition | undefined {
  const [first, second = first] = ref.split(":");
  const a = parseA1(first);
  const b = parseA1(second);
  if (!a || !b) return undefined;
  const start = { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) };
  return { start, rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 };
}

export function formatRange(range: RangePosition): string {
  const end = { row: range.start.row + range.rows - 1, col: range.start.col + range.cols - 1 };
  return range.rows === 1 && range.cols === 1
    ? formatA1(range.start)
    : `${formatA1(range.start)}:${formatA1(end)}`;
}
