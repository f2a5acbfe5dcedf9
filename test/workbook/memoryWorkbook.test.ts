import { parseRange } from "../../src/workbook/a1";
import {
  blockPayloadBytes,
  chunkRows,
  packRequests,
  REQUEST_LIMIT_BYTES,
  utf8Length,
} from "../../src/workbook/chunking";
import { MemoryWorkbook, type WorkbookChange } from "../../src/workbook/memory";
import {
  OWNED_NAME_PREFIX,
  WorkbookError,
  type Block,
  type SheetSpec,
  type SheetValue,
} from "../../src/workbook/port";
import {
  describePortContract,
  expectWorkbookError,
  type PortHarness,
  type SheetProbe,
} from "./portContract";

function contains(range: string, a1: string): boolean {
  const r = parseRange(range)!;
  const c = parseRange(a1)!.start;
  return (
    c.row >= r.start.row &&
    c.row < r.start.row + r.rows &&
    c.col >= r.start.col &&
    c.col < r.start.col + r.cols
  );
}

function probe(workbook: MemoryWorkbook, name: string): SheetProbe {
  const snapshot = workbook.snapshot(name);
  return {
    cell: (a1) => {
      const { value, formula, numberFormat, style } = workbook.cell(
        `'${snapshot.name.replace(/'/g, "''")}'!${a1}`
      );
      return { value, formula, numberFormat, style };
    },
    tables: () => snapshot.tables.map((t) => ({ name: t.name, range: t.range, style: t.style! })),
    validationAt: (a1) => {
      const found = snapshot.validations.find((v) => contains(v.range, a1));
      return found ? { list: found.list, errorMessage: found.errorMessage ?? null } : null;
    },
    colorScales: () => snapshot.colorScales,
    freeze: () => snapshot.freeze,
    columnWidth: (index) => snapshot.columnWidths[index] ?? null,
    tabColor: () => snapshot.tabColor,
  };
}

function harness(workbook: MemoryWorkbook): PortHarness {
  return {
    port: workbook,
    sheet: (name) => probe(workbook, name),
    definedNames: () => workbook.definedNames,
    hideSheet: (name) => workbook.hideSheet(name),
  };
}

describePortContract("memory", async (sheets = []) => harness(MemoryWorkbook.fromSheets(sheets)));

const MATRIX: SheetValue[][] = [
  ["Plan", "Metric", "Weight"],
  ["AE", "Revenue", 0.6],
];

const report = (name: string, values: SheetValue[][] = [["x"]]): SheetSpec => ({
  name,
  blocks: [{ at: "A1", values }],
});

/** rows × cols of numbers like 12345.678 (about 10 bytes each in JSON). */
function bigBlock(rows: number, cols: number): Block {
  const values: SheetValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: SheetValue[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = 10_000 + r + c / 1000;
    values.push(row);
  }
  return { at: "A1", values };
}

describe("MemoryWorkbook: syncs counted as the Office adapter makes them", () => {
  it("counts 1 per read round trip, however many sheets it reads", async () => {
    const wb = MemoryWorkbook.fromSheets([
      { name: "Objectives", values: [["Objective"]] },
      { name: "Matrix", values: MATRIX },
      { name: "Curves", values: [["Curve"]] },
    ]);
    expect(wb.syncCount).toBe(0);
    await wb.readSheets(["Objectives", "Matrix", "Curves", "Reps"]);
    expect(wb.syncCount).toBe(1);
    await wb.sheetNames();
    await wb.ownedSheets();
    expect(wb.syncCount).toBe(3);
    await wb.readSheets([]);
    expect(wb.syncCount).toBe(3);
  });

  it("counts 1 per sheet written: createSheet 1, writeOwnedSheets 1 per sheet, delete and select 1", async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: "Matrix", values: MATRIX }]);
    await wb.createSheet(report("Objectives"));
    expect(wb.syncCount).toBe(1);
    await wb.writeOwnedSheets([
      report("Alignment View"),
      report("Scenario A"),
      report("Scenario B"),
    ]);
    expect(wb.syncCount).toBe(4);
    await wb.writeOwnedSheets([report("Alignment View")]);
    expect(wb.syncCount).toBe(5);
    await wb.deleteOwnedSheets(["Scenario A", "Scenario B"]);
    expect(wb.syncCount).toBe(6);
    await wb.select("Matrix!B2");
    expect(wb.syncCount).toBe(7);
    await wb.appendRows("Matrix", [{ Plan: "SE" }]);
    expect(wb.syncCount).toBe(9); // one read, one write
  });

  it("counts nothing for a call a rule rejects", async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: "Matrix", values: MATRIX }]);
    await expect(wb.createSheet(report("Matrix"))).rejects.toThrow(WorkbookError);
    await expect(wb.writeOwnedSheets([report("Bad/name")])).rejects.toThrow(WorkbookError);
    await expect(wb.deleteOwnedSheets(["Matrix"])).rejects.toThrow(WorkbookError);
    await expect(wb.appendRows("Matrix", [{ Owner: "x" }])).rejects.toThrow(WorkbookError);
    await expect(wb.appendRows("Nope", [{ Plan: "x" }])).rejects.toThrow(WorkbookError);
    expect(wb.syncCount).toBe(0);
  });

  it("counts one more sync per extra request for a 100,000 × 10 block: chunkRows(...).length in all", async () => {
    const block = bigBlock(100_000, 10);
    const chunks = chunkRows(block);
    expect(chunks.length).toBeGreaterThan(1);
    const wb = MemoryWorkbook.fromSheets([{ name: "Matrix", values: MATRIX }]);
    await wb.writeOwnedSheets([{ name: "Scenario data", blocks: [block] }]);
    expect(wb.syncCount).toBe(chunks.length);
    const [data] = await wb.readSheets(["Scenario data"]);
    expect(data!.values).toHaveLength(100_000);
    expect(data!.values[99_999]).toEqual(block.values[99_999]);
  });
  it('rejects a row too big for any request with "too-large" before writing anything', async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: "Matrix", values: MATRIX }]);
    const huge: SheetValue[][] = [Array.from({ length: 130 }, () => "x".repeat(32_000))];
    await expectWorkbookError(
      wb.writeOwnedSheets([report("Fine"), { name: "Huge", blocks: [{ at: "B3", values: huge }] }]),
      "too-large",
      /B3/
    );
    expect(await wb.sheetNames()).toEqual(["Matrix"]);
  });
});

describe("chunkRows and packRequests (shared with the Office adapter)", () => {
  it("returns a block that fits as it is", () => {
    const block: Block = { at: "B2", values: [[1, "a"]], numberFormats: ["0", null] };
    expect(chunkRows(block)).toEqual([block]);
  });

  it("splits into consecutive row blocks under the limit that together are the block", () => {
    const block: Block = {
      at: "C5",
      values: Array.from({ length: 50 }, (_, r) => [r, `row ${r}`]),
      formulas: Array.from({ length: 50 }, (_, r) => [null, r % 2 ? `=A${r + 5}` : null]),
      numberFormats: ["0.00", null],
      style: "plain",
    };
    const limit = 200;
    const chunks = chunkRows(block, limit);
    expect(chunks.length).toBeGreaterThan(1);
    let row = 5;
    for (const chunk of chunks) {
      expect(chunk.at).toBe(`C${row}`);
      expect(chunk.numberFormats).toEqual(["0.00", null]);
      expect(chunk.style).toBe("plain");
      expect(chunk.formulas).toHaveLength(chunk.values.length);
      expect(blockPayloadBytes(chunk)).toBeLessThanOrEqual(limit);
      row += chunk.values.length;
    }
    expect(chunks.flatMap((c) => c.values)).toEqual(block.values);
    expect(chunks.flatMap((c) => c.formulas!)).toEqual(block.formulas);
  });

  it("estimates at least the JSON the Office adapter sends (text gets room for its apostrophe)", () => {
    const block: Block = {
      at: "A1",
      values: [["=1+1", 5, null]],
      numberFormats: ["@", "0%", null],
    };
    const sent =
      JSON.stringify([["'=1+1", 5, ""]]).length +
      JSON.stringify([["@"]]).length +
      JSON.stringify([["0%"]]).length;
    expect(blockPayloadBytes(block)).toBeGreaterThanOrEqual(sent);
  });

  it("counts UTF-8 bytes", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
  });

  it('rejects a single row over the limit with "too-large", naming the block', () => {
    const block: Block = { at: "D4", values: [["x".repeat(100)]] };
    expect(() => chunkRows(block, 50)).toThrow(
      expect.objectContaining({ kind: "too-large", message: expect.stringMatching(/D4.*row 1/) })
    );
  });

  it("packs small blocks into one request and starts a new one when the next would not fit", () => {
    const small: Block = { at: "A1", values: [[1, 2, 3]] };
    expect(packRequests([small, { ...small, at: "A5" }])).toHaveLength(1);
    expect(packRequests([])).toEqual([[]]);
    const big = bigBlock(30_000, 10);
    const limit = 1_000_000;
    const chunks = chunkRows(big, limit);
    expect(chunks.length).toBeGreaterThan(1);
    // A block's chunks are cut on their own (as the Office adapter cuts them), so a full chunk
    // after a small block starts a new request, while a small block after the last, partial
    // chunk joins its request.
    expect(packRequests([small, big], limit)).toHaveLength(chunks.length + 1);
    expect(packRequests([big, small], limit)).toHaveLength(chunks.length);
    expect(packRequests([big, small], limit).flat()).toHaveLength(chunks.length + 1);
    expect(packRequests([small], REQUEST_LIMIT_BYTES)).toEqual([[small]]);
  });
});

describe("MemoryWorkbook: the user's actions and ownership", () => {
  it("keeps ownership when the user renames an owned sheet: the mark follows, a re-run writes the old name anew", async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: "Matrix", values: MATRIX }]);
    await wb.writeOwnedSheets([report("Alignment View")]);
    wb.renameSheet("Alignment View", "Q3 view");
    expect(await wb.ownedSheets()).toEqual(["Q3 view"]);
    expect(wb.definedNames).toEqual([{ name: `${OWNED_NAME_PREFIX}1`, ref: "'Q3 view'!$A$1" }]);
    await wb.deleteOwnedSheets(["Q3 view"]);
    expect(await wb.sheetNames()).toEqual(["Matrix"]);

    await wb.writeOwnedSheets([report("Alignment View")]);
    wb.renameSheet("Alignment View", "Renamed");
    const [again] = await wb.writeOwnedSheets([report("Alignment View")]);
    expect(again).toEqual({ name: "Alignment View", action: "created" });
    expect(await wb.ownedSheets()).toEqual(["Renamed", "Alignment View"]);
  });

  it("follows a rename in validation sources, and refuses a rename to a taken or invalid name", async () => {
    const wb = MemoryWorkbook.fromSheets([
      { name: "Objectives", values: [["Objective"], ["Grow"]] },
      { name: "Matrix", values: MATRIX },
    ]);
    await wb.writeOwnedSheets([
      {
        name: "View",
        blocks: [],
        validations: [{ range: "A2:A9", list: { source: "Objectives!$A$2:$A$200" } }],
      },
    ]);
    wb.renameSheet("Objectives", "Goals 2026");
    expect(wb.snapshot("View").validations[0].list).toEqual({ source: "'Goals 2026'!$A$2:$A$200" });
    expect(() => wb.renameSheet("Matrix", "goals 2026")).toThrow(
      expect.objectContaining({ kind: "exists" })
    );
    expect(() => wb.renameSheet("Matrix", "a/b")).toThrow(
      expect.objectContaining({ kind: "invalid-name" })
    );
    wb.renameSheet("Matrix", "MATRIX");
    expect(await wb.sheetNames()).toEqual(["Goals 2026", "MATRIX", "View"]);
  });

  it("ignores a mark whose sheet the user deleted (#REF!), and a new sheet of that name is the user's", async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: "Matrix", values: MATRIX }]);
    await wb.writeOwnedSheets([report("Alignment View")]);
    wb.removeSheet("Alignment View");
    expect(wb.definedNames).toEqual([{ name: `${OWNED_NAME_PREFIX}1`, ref: "#REF!$A$1" }]);
    expect(await wb.ownedSheets()).toEqual([]);
    await wb.createSheet(report("Alignment View", [["mine"]]));
    expect(await wb.ownedSheets()).toEqual([]);
    const [result] = await wb.writeOwnedSheets([report("Alignment View")]);
    expect(result).toEqual({ name: "Alignment View (2)", action: "created" });
    expect(wb.definedNames.map((n) => n.name)).toEqual([
      `${OWNED_NAME_PREFIX}1`,
      `${OWNED_NAME_PREFIX}2`,
    ]);
  });

  it("notifies listeners after every change, and stops when asked", async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: "Matrix", values: MATRIX }]);
    const changes: WorkbookChange[] = [];
    const stop = wb.onChange((change) => changes.push(change));
    await wb.createSheet(report("Objectives"));
    await wb.writeOwnedSheets([report("Alignment View")]);
    wb.setCell("Matrix!C2", 0.7);
    wb.renameSheet("Objectives", "Goals");
    await wb.deleteOwnedSheets(["Alignment View"]);
    wb.removeSheet("Goals");
    await wb.readSheets(["Matrix"]);
    await wb.select("Matrix!A1");
    await wb.appendRows("matrix", [{ Plan: "SE", Weight: 0.4 }]);
    await expect(wb.appendRows("Matrix", [{ Owner: "x" }])).rejects.toThrow();
    expect(changes).toEqual([
      { kind: "create", sheets: ["Objectives"] },
      { kind: "write", sheets: ["Alignment View"] },
      { kind: "edit", sheets: ["Matrix"] },
      { kind: "rename", sheets: ["Objectives", "Goals"] },
      { kind: "delete", sheets: ["Alignment View"] },
      { kind: "remove", sheets: ["Goals"] },
      { kind: "edit", sheets: ["Matrix"] },
    ]);
    stop();
    wb.setCell("Matrix!C2", 0.8);
    expect(changes).toHaveLength(7);
    await expect(wb.createSheet(report("Matrix"))).rejects.toThrow();
    expect(changes).toHaveLength(7);
  });

  it("simulates a user edit with setCell: text stays text, the used range grows, listeners see it", async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: "Matrix", values: MATRIX }]);
    wb.setCell("Matrix!D3", "=SUM(C2:C3)");
    wb.setCell("'Matrix'!$C$2", 0.5);
    expect(wb.cell("Matrix!D3")).toEqual({
      value: "=SUM(C2:C3)",
      formula: null,
      numberFormat: null,
      style: null,
    });
    expect((await wb.readSheets(["Matrix"]))[0]!.values).toEqual([
      ["Plan", "Metric", "Weight", null],
      ["AE", "Revenue", 0.5, null],
      [null, null, null, "=SUM(C2:C3)"],
    ]);
    wb.setCell("Matrix!D3", "");
    expect((await wb.readSheets(["Matrix"]))[0]!.values[0]).toHaveLength(3);
    expect(() => wb.setCell("Nowhere!A1", 1)).toThrow(
      expect.objectContaining({ kind: "invalid-name" })
    );
    expect(() => wb.setCell("Matrix!A1:B2", 1)).toThrow(expect.objectContaining({ kind: "shape" }));
  });

  it("remembers the selection, on the sheet it names or the active one", async () => {
    const wb = MemoryWorkbook.fromSheets([
      { name: "Objectives", values: [["Objective"]] },
      { name: "Matrix", values: MATRIX },
    ]);
    expect(wb.selection).toBeNull();
    await wb.select("C4");
    expect(wb.selection).toEqual({ sheet: "Objectives", range: "C4" });
    await wb.select("matrix!$B$2:$C$3");
    expect(wb.selection).toEqual({ sheet: "Matrix", range: "B2:C3" });
    await wb.select("A1");
    expect(wb.selection).toEqual({ sheet: "Matrix", range: "A1" });
  });

  it("snapshots a sheet: every field over the written cells, ownership, and the chart specs it keeps", async () => {
    const wb = MemoryWorkbook.fromSheets([]);
    const chart = {
      type: "bar" as const,
      title: "Shares",
      dataRange: "A1:B3",
      at: "D1",
      xAxisTitle: "Objective",
    };
    await wb.writeOwnedSheets([
      {
        name: "View",
        blocks: [
          { at: "A1", values: [["Title"]], style: "title" },
          {
            at: "A2",
            values: [[0.5, null]],
            formulas: [[null, "=A2*2"]],
            numberFormats: ["0%", null],
          },
        ],
        charts: [chart],
        tabColor: "#00b050",
      },
    ]);
    const snap = wb.snapshot("view");
    expect(snap).toMatchObject({
      name: "View",
      owned: true,
      values: [
        ["Title", null],
        [0.5, null],
      ],
      formulas: [
        [null, null],
        [null, "=A2*2"],
      ],
      numberFormats: [
        [null, null],
        ["0%", null],
      ],
      styles: [
        ["title", null],
        [null, null],
      ],
      charts: [chart],
      tabColor: "#00B050",
    });
    snap.charts[0].title = "changed";
    expect(wb.snapshot("View").charts[0].title).toBe("Shares");
    expect(() => wb.snapshot("Nope")).toThrow(/Nope/);
  });

  it("copies specs: changing a spec after writing it changes nothing in the workbook", async () => {
    const wb = MemoryWorkbook.fromSheets([]);
    const spec: SheetSpec = {
      name: "View",
      blocks: [
        {
          at: "A1",
          values: [
            ["a", "b"],
            [1, 2],
          ],
        },
      ],
      tables: [{ name: "T_view", range: "A1:B2" }],
    };
    await wb.writeOwnedSheets([spec]);
    spec.blocks[0].values[1][0] = 99;
    spec.tables![0].name = "Other";
    expect(wb.snapshot("View").values[1][0]).toBe(1);
    expect(wb.snapshot("View").tables[0].name).toBe("T_view");
  });

  it("preloads sheets with fromSheets and checks them like any write", async () => {
    expect(() =>
      MemoryWorkbook.fromSheets([
        { name: "a", values: [] },
        { name: "A", values: [] },
      ])
    ).toThrow(expect.objectContaining({ kind: "exists" }));
    expect(() => MemoryWorkbook.fromSheets([{ name: "x*", values: [] }])).toThrow(
      expect.objectContaining({ kind: "invalid-name" })
    );
    expect(() => MemoryWorkbook.fromSheets([{ name: "x", values: [[1], [1, 2]] }])).toThrow(
      expect.objectContaining({ kind: "shape" })
    );
    const wb = MemoryWorkbook.fromSheets([{ name: "Data", values: [["=1+1"]] }]);
    expect(wb.cell("Data!A1").formula).toBeNull();
    expect(await wb.ownedSheets()).toEqual([]);
  });

  it("rejects table names that clash with a defined name", async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: "Matrix", values: MATRIX }]);
    await wb.writeOwnedSheets([report("View")]);
    await expectWorkbookError(
      wb.createSheet({
        name: "T",
        blocks: [{ at: "A1", values: [["h"], [1]] }],
        tables: [{ name: `${OWNED_NAME_PREFIX}1`, range: "A1:A2" }],
      }),
      "exists",
      /defined name/
    );
  });
});
