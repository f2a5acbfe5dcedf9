/**
 * Reading sheets within Excel's response limit. Excel on the web rejects a request whose
 * response is over 5 MB, so a big sheet (a 100,000-rep roster is ~12 MB of values) is read in
 * row chunks, one context.sync each, sized from the used range's rows × columns at an estimated
 * READ_BYTES_PER_CELL, each chunk under READ_LIMIT_BYTES. Both the Office adapter (which reads
 * this way) and the memory adapter (which counts the syncs the Office adapter would make) plan
 * reads here.
 *
 * The first request of a read also fetches, for each sheet, the values of a window at its top
 * left (PROBE_COLUMNS wide, as many rows as the sheets share the budget for): a sheet whose used
 * range fits the window (every sheet of an ordinary plan workbook) is read in that one request.
 * Bigger sheets are then read in row chunks, packed into as few requests as fit.
 *
 * The per-cell estimate is a budget, not a promise: a chunk of long text can still be over the
 * limit, and then the Office adapter halves the chunk and asks again.
 */

/** Bytes of values one read request is planned to carry: room under Excel's 5 MB limit. */
export const READ_LIMIT_BYTES = 4_000_000;
/**
 * Estimated bytes of one cell's value in Excel's JSON response: a number such as 123456.78
 * with its comma is ~10 bytes, short text a few more; the demo roster measures ~8 bytes a cell.
 */
export const READ_BYTES_PER_CELL = 10;
/** Columns of the first request's window (A:BL). */
export const PROBE_COLUMNS = 64;
/** Excel may return null values for a range of more cells than this; CompAlign reads no sheet that big. */
export const MAX_READ_CELLS = 5_000_000;

/** A sheet's used range, 0-based: where it starts and how big it is. */
export interface UsedRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Rows `[startRow, startRow + rows)` (absolute, 0-based) of the used range of sheet `sheet`. */
export interface ReadChunk {
  sheet: number;
  startRow: number;
  rows: number;
}

export interface ReadPlan {
  /** The first request's window per sheet: rows × PROBE_COLUMNS from A1. */
  probeRows: number;
  /** Per sheet: whether the window held its whole used range (null: nothing to read). */
  complete: boolean[];
  /** Requests after the first, each a list of chunks. */
  requests: ReadChunk[][];
}

/** Cells one read request is planned to carry. */
export function cellsPerRequest(limitBytes = READ_LIMIT_BYTES): number {
  return Math.max(1, Math.floor(limitBytes / READ_BYTES_PER_CELL));
}

/** Rows of the first request's window when `sheets` sheets share it. */
export function probeRows(sheets: number, limitBytes = READ_LIMIT_BYTES): number {
  return Math.max(1, Math.floor(cellsPerRequest(limitBytes) / PROBE_COLUMNS / Math.max(1, sheets)));
}

/** Whether a used range lies inside the window A1 : (PROBE_COLUMNS) × rows. */
export function fitsProbe(used: UsedRange, rows: number): boolean {
  return used.row + used.rows <= rows && used.col + used.cols <= PROBE_COLUMNS;
}

/** Row chunks of one used range, each at most `cellsPerRequest` cells (at least one row). */
export function rowChunks(
  sheet: number,
  used: UsedRange,
  limitBytes = READ_LIMIT_BYTES
): ReadChunk[] {
  const rowsPerChunk = Math.max(
    1,
    Math.floor(cellsPerRequest(limitBytes) / Math.max(1, used.cols))
  );
  const chunks: ReadChunk[] = [];
  for (let r = 0; r < used.rows; r += rowsPerChunk)
    chunks.push({ sheet, startRow: used.row + r, rows: Math.min(rowsPerChunk, used.rows - r) });
  return chunks;
}

/**
 * The read of `used` (one entry per sheet asked for; null where there is nothing to read: a
 * missing or blank sheet). Chunks are packed greedily into requests under the budget.
 */
export function planReads(
  used: readonly (UsedRange | null)[],
  limitBytes = READ_LIMIT_BYTES
): ReadPlan {
  const rows = probeRows(used.length, limitBytes);
  const budget = cellsPerRequest(limitBytes);
  const complete = used.map((u) => u === null || fitsProbe(u, rows));
  const requests: ReadChunk[][] = [];
  let cells = budget;
  used.forEach((u, i) => {
    if (u === null || complete[i]) return;
    for (const chunk of rowChunks(i, u, limitBytes)) {
      const size = chunk.rows * u.cols;
      if (requests.length === 0 || cells + size > budget) {
        requests.push([chunk]);
        cells = size;
      } else {
        requests[requests.length - 1].push(chunk);
        cells += size;
      }
    }
  });
  return { probeRows: rows, complete, requests };
}

/** Context.sync calls a read of `used` makes when no request has to be retried. */
export function readSyncCount(
  used: readonly (UsedRange | null)[],
  limitBytes = READ_LIMIT_BYTES
): number {
  if (used.length === 0) return 0;
  return 1 + planReads(used, limitBytes).requests.length;
}
