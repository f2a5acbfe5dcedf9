/**
 * The message protocol between the task pane and its worker (host.ts ↔ worker.ts).
 *
 * pane → worker: `start {id, kind, input}` runs the task registered under `kind` (tasks.ts);
 *                `cancel {id}` aborts it; `reply {id, call, result | error}` answers a read.
 * worker → pane: `progress {id, done, total, label}`, then one of `result {id, output}` or
 *                `error {id, error}`; an output's `tabs` (laid-out sheet specs, tens of MB for a
 *                big roster) cross first, one `part {id, key, index, value}` per tab, so the
 *                pane copies each in a task of its own rather than all at once;
 *                meanwhile `read {id, call, method, args}` asks the pane to
 *                read the workbook through its port (a worker has no Office.js: reads go
 *                through the pane, writes stay there).
 *
 * Everything crossing is structured-cloned: `toCloneable` drops functions first (e.g. a rep
 * table's `describe`), keeping Maps, Sets and typed arrays.
 */

/** Port methods a worker task may call (reads only). */
export type ReadMethod = "readSheets" | "sheetNames" | "ownedSheets";

export interface SerializedError {
  name: string;
  message: string;
  /** ActionError / WorkbookError kind, restored on the pane's side. */
  kind?: string;
}

export type ToWorker =
  | { type: "start"; id: number; kind: string; input: unknown }
  | { type: "cancel"; id: number }
  | { type: "reply"; id: number; call: number; result?: unknown; error?: SerializedError }
  /** Rows of sheet `sheet` of a readSheets reply, sent before the reply (see splitRows). */
  | { type: "rows"; id: number; call: number; sheet: number; rows: unknown[][] };

export type FromWorker =
  | { type: "progress"; id: number; done: number; total: number; label: string }
  | { type: "part"; id: number; key: string; index: number; value: unknown }
  /** Rows of a part's block (`field` of blocks[block]), sent before the part (see splitTab). */
  | {
      type: "part-rows";
      id: number;
      key: string;
      index: number;
      block: number;
      field: BlockRowField;
      rows: unknown[][];
    }
  | { type: "result"; id: number; output: unknown }
  | { type: "error"; id: number; error: SerializedError }
  | { type: "read"; id: number; call: number; method: ReadMethod; args: unknown[] };

/**
 * Rows per message when a big two-dimensional array crosses between the pane and the worker
 * (a readSheets reply's sheet, a laid-out tab's block): the receiving thread then copies each
 * chunk in a task of its own (a 20,000 × 16 sheet at once blocked the pane's thread ~260 ms).
 */
export const ROWS_PER_MESSAGE = 2000;

/** Row-shaped fields of a block that cross in chunks. */
export type BlockRowField = "values" | "formulas";

/** Consecutive slices of `rows` of at most `size` rows each (none for an empty array). */
export function rowChunks<T>(rows: readonly T[], size = ROWS_PER_MESSAGE): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size)
    chunks.push(rows.slice(start, start + size));
  return chunks;
}

interface RowBlock {
  values: unknown[][];
  formulas?: unknown[][];
}

/**
 * A tab (a sheet spec) split for crossing: `head` is the tab with every block's rows over
 * `size` emptied; `chunks` are those rows in order, addressed by block and field. joinTab
 * puts them back (the same spec).
 */
export function splitTab<T extends { blocks: RowBlock[] }>(
  tab: T,
  size = ROWS_PER_MESSAGE
): { head: T; chunks: { block: number; field: BlockRowField; rows: unknown[][] }[] } {
  const chunks: { block: number; field: BlockRowField; rows: unknown[][] }[] = [];
  const blocks = tab.blocks.map((block, b) => {
    if (block.values.length <= size) return block;
    const out = { ...block };
    for (const field of ["values", "formulas"] as const) {
      const rows = block[field];
      if (!rows) continue;
      for (const part of rowChunks(rows, size)) chunks.push({ block: b, field, rows: part });
      out[field] = [];
    }
    return out;
  });
  return { head: { ...tab, blocks }, chunks };
}

/** The tab splitTab split: each block's emptied fields refilled from its chunks, in order. */
export function joinTab<T extends { blocks: RowBlock[] }>(
  head: T,
  chunks: readonly { block: number; field: BlockRowField; rows: unknown[][] }[]
): T {
  if (chunks.length === 0) return head;
  const blocks = head.blocks.map((block) => ({ ...block }));
  for (const { block, field, rows } of chunks) {
    const target = blocks[block];
    const list = target[field] ?? [];
    for (const row of rows) list.push(row);
    target[field] = list;
  }
  return { ...head, blocks };
}

/** Array properties of a task's output that cross one element per message. */
export const SPLIT_OUTPUT_KEYS = ["tabs"] as const;

/** A copy of `value` that structured clone accepts: functions dropped, everything else kept. */
export function toCloneable(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value === "function") return undefined;
  if (value === null || typeof value !== "object") return value;
  if (ArrayBuffer.isView(value) || value instanceof Date || value instanceof RegExp) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || (typeof v !== "object" && typeof v !== "function")))
      return value;
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(toCloneable(v, seen));
    return out;
  }
  if (value instanceof Map) {
    const out = new Map();
    seen.set(value, out);
    for (const [k, v] of value) out.set(k, toCloneable(v, seen));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set();
    seen.set(value, out);
    for (const v of value) out.add(toCloneable(v, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "function") out[k] = toCloneable(v, seen);
  }
  return out;
}

/**
 * Progress as the worker forwards it: a step's report (a whole `done`) always crosses; a report
 * within a step (a fractional `done`, e.g. every 2,000 reps of one scenario) crosses only when
 * `intervalMs` have passed since the last one that crossed, so the pane is not flooded.
 */
export function throttledProgress(
  post: (done: number, total: number, label: string) => void,
  intervalMs = 100,
  now: () => number = () => Date.now()
): (done: number, total: number, label: string) => void {
  let last = -Infinity;
  return (done, total, label) => {
    const t = now();
    if (!Number.isInteger(done) && t - last < intervalMs) return;
    last = t;
    post(done, total, label);
  };
}

export function serializeError(error: unknown): SerializedError {
  const e = error as { name?: unknown; message?: unknown; kind?: unknown } | null;
  return {
    name: typeof e?.name === "string" ? e.name : "Error",
    message: typeof e?.message === "string" ? e.message : String(error),
    ...(typeof e?.kind === "string" ? { kind: e.kind } : {}),
  };
}
