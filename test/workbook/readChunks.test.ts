/**
 * Chunked reads: the plan (../src/workbook/readChunks.ts), and the Office adapter reading
 * through the fake with Excel's limits, lowered here so small sheets exercise them: one sync per
 * chunk, a response Excel refuses is split and asked again, null values and oversized sheets are
 * clear errors, and the memory adapter counts the same syncs.
 */
import { MemoryWorkbook } from "../../src/workbook/memory";
import { OfficeWorkbook } from "../../src/workbook/office";
import { WorkbookError, type SheetValue } from "../../src/workbook/port";
import {
  MAX_READ_CELLS,
  PROBE_COLUMNS,
  cellsPerRequest,
  planReads,
  probeRows,
  readSyncCount,
} from "../../src/workbook/readChunks";
import { fakeContext } from "./officeFake/fakeExcel";
import { FakeBook } from "./officeFake/model";

function grid(rows: number, cols: number): SheetValue[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (c === 0 ? `rep ${r}` : r * 100 + c))
  );
}

describe("planReads", () => {
  it("reads sheets that fit the first request's window in that request alone", () => {
    const rows = probeRows(3);
    expect(rows).toBe(Math.floor(cellsPerRequest() / PROBE_COLUMNS / 3));
    const plan = planReads([
      { row: 0, col: 0, rows: 10, cols: 5 },
      null,
      { row: 2, col: 2, rows: rows - 2, cols: PROBE_COLUMNS - 2 },
    ]);
    expect(plan.complete).toEqual([true, true, true]);
    expect(plan.requests).toEqual([]);
    expect(readSyncCount([{ row: 0, col: 0, rows: 10, cols: 5 }])).toBe(1);
    expect(readSyncCount([])).toBe(0);
  });

  it("splits a big sheet into row chunks of at most one request's cells, and packs small leftovers", () => {
    const budget = cellsPerRequest();
    const big = { row: 0, col: 0, rows: 100_001, cols: 16 };
    const wide = { row: 0, col: 0, rows: 3, cols: PROBE_COLUMNS + 1 };
    const plan = planReads([big, wide]);
    expect(plan.complete).toEqual([false, false]);
    const perChunk = Math.floor(budget / 16);
    const chunks = plan.requests.flat();
    expect(chunks.filter((c) => c.sheet === 0).map((c) => c.rows)).toEqual([
      perChunk,
      perChunk,
      perChunk,
      perChunk,
      100_001 - 4 * perChunk,
    ]);
    // The wide sheet's 3 rows go with the roster's last, small chunk.
    expect(plan.requests).toHaveLength(5);
    expect(plan.requests[4].map((c) => c.sheet)).toEqual([0, 1]);
    for (const request of plan.requests) {
      const cells = request.reduce((n, c) => n + c.rows * (c.sheet === 0 ? 16 : wide.cols), 0);
      expect(cells).toBeLessThanOrEqual(budget);
    }
    expect(chunks.filter((c) => c.sheet === 0).map((c) => c.startRow)).toEqual([
      0,
      perChunk,
      2 * perChunk,
      3 * perChunk,
      4 * perChunk,
    ]);
  });
});

describe("OfficeWorkbook.readSheets in chunks (fake Excel)", () => {
  const LIMIT = 20_000; // bytes: 2,000 cells a request at the 10-byte estimate

  it("reads a big sheet in row chunks, one sync each, with every value in place", async () => {
    const values = grid(1_000, 8);
    const book = FakeBook.with({ Small: [["a", 1]], Big: values });
    const ctx = fakeContext(book);
    const [small, big] = await new OfficeWorkbook(ctx, { readLimitBytes: LIMIT }).readSheets([
      "Small",
      "Big",
    ]);
    expect(small!.values).toEqual([["a", 1]]);
    expect(big!.values).toEqual(values);
    const chunks = Math.ceil(1_000 / Math.floor(cellsPerRequest(LIMIT) / 8));
    expect(ctx.syncs).toHaveLength(1 + chunks);
    expect(ctx.readSyncs).toHaveLength(1 + chunks);
    expect(
      ctx.syncs.slice(1).every((s) => s.ops.some((op) => op.startsWith("Range.load(values")))
    ).toBe(true);
  });

  it("the memory adapter counts the syncs the Office adapter makes for the same read", async () => {
    const values = grid(30_000, 8); // 240,000 cells: over the first request's window
    const memory = new MemoryWorkbook();
    await memory.createSheet({ name: "Small", blocks: [{ at: "A1", values: [["a", 1]] }] });
    await memory.createSheet({ name: "Big", blocks: [{ at: "A1", values }] });
    const before = memory.syncCount;
    await memory.readSheets(["Small", "Big"]);
    const ctx = fakeContext(FakeBook.with({ Small: [["a", 1]], Big: values }));
    const [, big] = await new OfficeWorkbook(ctx).readSheets(["Small", "Big"]);
    expect(big!.values).toEqual(values);
    expect(ctx.syncs.length).toBe(2);
    expect(memory.syncCount - before).toBe(ctx.syncs.length);
  });

  it("splits a chunk Excel refuses as too large and asks again, ending with every value", async () => {
    const values = grid(400, 5).map((row) =>
      row.map((v) => (typeof v === "string" ? v.padEnd(200, "x") : v))
    );
    const book = FakeBook.with({ Long: values });
    const ctx = fakeContext(book);
    ctx.responseLimitBytes = 30_000; // long text: the 10-byte estimate is far too low
    const [long] = await new OfficeWorkbook(ctx, { readLimitBytes: LIMIT }).readSheets(["Long"]);
    expect(long!.values).toEqual(values);
    const failed = ctx.syncs.filter((s) => s.failed);
    expect(failed.length).toBeGreaterThan(0);
    expect(ctx.syncs.filter((s) => !s.failed).every((s) => s.responseBytes <= 30_000)).toBe(true);
  });

  it("reports null values from Excel as a clear error naming the sheet and rows", async () => {
    const ctx = fakeContext(FakeBook.with({ Reps: grid(30, 4) }));
    ctx.nullValuesAboveCells = 50;
    const read = new OfficeWorkbook(ctx).readSheets(["Reps"]);
    await expect(read).rejects.toThrow(WorkbookError);
    await expect(read).rejects.toThrow(
      'reading sheet "Reps" rows 1–30: Excel returned no values (it does so for ranges over 5000000 cells); nothing was read'
    );
  });

  it("refuses a sheet whose used range is over 5 million cells before reading any value", async () => {
    const book = FakeBook.with({ Huge: [["Rep"]] });
    book.sheet("Huge").cell(199_999, 25).value = 1; // Z200000: 200,000 × 26 = 5.2 M cells
    const ctx = fakeContext(book);
    const read = new OfficeWorkbook(ctx).readSheets(["Huge"]);
    await expect(read).rejects.toMatchObject({ kind: "too-large" });
    await expect(read).rejects.toThrow(
      `sheet "Huge" uses 5200000 cells (Huge!A1:Z200000): over the ${MAX_READ_CELLS} cells`
    );
    expect(ctx.syncs).toHaveLength(1);
  });
});
