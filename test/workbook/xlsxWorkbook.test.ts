import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ValueType,
  Workbook,
  type Cell,
  type ConditionalFormattingOptions,
  type Worksheet,
} from "exceljs";
import {
  OWNED_NAME_PREFIX,
  type AppendRow,
  type SheetSpec,
  type SheetValue,
  type WorkbookPort,
} from "../../src/workbook/port";
import { chartsFromXlsx } from "../../src/workbook/xlsx/charts";
import { styleOf, XlsxWorkbook } from "../../src/workbook/xlsx";
import { readCell } from "../../src/workbook/xlsx/readValues";
import { readNames } from "../../src/workbook/xlsx/workbookNames";
import {
  describePortContract,
  expectWorkbookError,
  type CellProbe,
  type PortHarness,
  type SheetProbe,
} from "./portContract";

/** exceljs internals the probes read (its typings leave them out). */
interface TableModel {
  name: string;
  tableRef: string;
  style: { theme: string };
}
interface ValidationModel {
  formulae: string[];
  error?: string;
}
const tablesOf = (ws: Worksheet) =>
  Object.values((ws as unknown as { tables: Record<string, { table: TableModel }> }).tables).map(
    (t) => t.table
  );
const validationsOf = (ws: Worksheet) =>
  (ws as unknown as { dataValidations: { model: Record<string, ValidationModel | undefined> } })
    .dataValidations.model;
const conditionalFormatsOf = (ws: Worksheet) =>
  (ws as unknown as { conditionalFormattings: ConditionalFormattingOptions[] })
    .conditionalFormattings;
const hex = (argb: string | undefined) => (argb ? `#${argb.slice(2).toUpperCase()}` : null);

/** The port, saved and reopened from its bytes after every write (so assertions see the file). */
class RoundTripPort implements WorkbookPort {
  constructor(public current: XlsxWorkbook) {}

  private async reopen<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.current = await XlsxWorkbook.fromBuffer(await this.current.toBuffer());
    }
  }

  sheetNames = () => this.current.sheetNames();
  readSheets = (names: string[]) => this.current.readSheets(names);
  ownedSheets = () => this.current.ownedSheets();
  select = (address: string) => this.current.select(address);
  createSheet = (spec: SheetSpec) => this.reopen(() => this.current.createSheet(spec));
  writeOwnedSheets = (specs: SheetSpec[]) =>
    this.reopen(() => this.current.writeOwnedSheets(specs));
  deleteOwnedSheets = (names: string[]) => this.reopen(() => this.current.deleteOwnedSheets(names));
  appendRows = (sheet: string, rows: readonly AppendRow[]) =>
    this.reopen(() => this.current.appendRows(sheet, rows));
}

/** A cell as the contract describes it (value as the port reads it, formula with "="). */
function cellProbe(cell: Cell): CellProbe {
  const format = cell.numFmt;
  return {
    value: readCell(cell, false).value,
    formula: cell.type === ValueType.Formula ? `=${cell.formula}` : null,
    numberFormat: format && format !== "General" ? format : null,
    style: styleOf(cell),
  };
}

function probe(ws: Worksheet): SheetProbe {
  return {
    cell: (a1) => cellProbe(ws.getCell(a1)),
    tables: () =>
      tablesOf(ws).map((t) => ({ name: t.name, range: t.tableRef, style: t.style.theme })),
    validationAt: (a1) => {
      const found = validationsOf(ws)[a1];
      if (!found) return null;
      const formula = found.formulae[0];
      const list = formula.startsWith('"') ? formula.slice(1, -1).split(",") : { source: formula };
      return { list, errorMessage: found.error ?? null };
    },
    colorScales: () =>
      conditionalFormatsOf(ws).flatMap((cf) =>
        cf.rules
          .filter((rule) => rule.type === "colorScale")
          .map((rule) => {
            const colors = ((rule as { color?: { argb?: string }[] }).color ?? []).map((c) =>
              hex(c.argb)!
            );
            return colors.length === 3
              ? { range: cf.ref, minColor: colors[0], midColor: colors[1], maxColor: colors[2] }
              : { range: cf.ref, minColor: colors[0], maxColor: colors[1] };
          })
      ),
    freeze: () => {
      const view = ws.views?.[0] as
        { state?: string; xSplit?: number; ySplit?: number } | undefined;
      return view?.state === "frozen"
        ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 }
        : null;
    },
    columnWidth: (index) => ws.getColumn(index + 1).width ?? null,
    tabColor: () => hex(ws.properties.tabColor?.argb),
  };
}

/** An .xlsx file as a user (or another tool) makes it: plain cells, no CompAlign marks. */
async function userFile(sheets: { name: string; values: SheetValue[][] }[]): Promise<Uint8Array> {
  const workbook = new Workbook();
  for (const { name, values } of sheets) {
    const ws = workbook.addWorksheet(name);
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      })
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function harness(
  sheets: { name: string; values: SheetValue[][] }[] = []
): Promise<PortHarness> {
  const port = new RoundTripPort(await XlsxWorkbook.fromBuffer(await userFile(sheets)));
  return {
    port,
    sheet: (name) => {
      const ws = port.current.workbook.worksheets.find(
        (w) => w.name.toLowerCase() === name.toLowerCase()
      );
      if (!ws) throw new Error(`no sheet "${name}" in the file`);
      return probe(ws);
    },
    definedNames: () => readNames(port.current.workbook),
    hideSheet: (name) => {
      const ws = port.current.workbook.worksheets.find(
        (w) => w.name.toLowerCase() === name.toLowerCase()
      );
      if (!ws) throw new Error(`no sheet "${name}" in the file`);
      ws.state = "hidden";
    },
  };
}

describePortContract("xlsx (each write saved and reopened)", harness);

const MATRIX: SheetValue[][] = [
  ["Plan", "Metric", "Objective", "Weight"],
  ["AE", "Revenue", "Grow cloud", 0.6],
  ["AE", "Cloud ARR", "Grow cloud", 0.4],
];

const matrixSpec: SheetSpec = {
  name: "Matrix",
  blocks: [{ at: "A1", values: MATRIX, numberFormats: [null, null, null, "0%"] }],
  tables: [{ name: "Matrix", range: "A1:D3" }],
  validations: [
    {
      range: "C2:C200",
      list: { source: "Objectives!$A$2:$A$200" },
      errorMessage: "Pick an objective",
    },
  ],
  freeze: { rows: 1, columns: 0 },
  columnWidths: [10, 16, 16, 10],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "compalign-xlsx-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("XlsxWorkbook: files", () => {
  it("writes a file exceljs opens, with the table, validation, number formats, frozen panes and marks", async () => {
    const book = XlsxWorkbook.empty();
    await book.createSheet({
      name: "Objectives",
      blocks: [{ at: "A1", values: [["Objective"], ["Grow cloud"]] }],
    });
    await book.createSheet(matrixSpec);
    await book.writeOwnedSheets([
      {
        name: "Alignment View",
        blocks: [{ at: "A1", values: [["Index", 0.8]], numberFormats: [null, "0.0%"] }],
      },
    ]);
    const path = join(dir, "written.xlsx");
    await book.writeFile(path);

    const opened = new Workbook();
    await opened.xlsx.readFile(path);
    expect(opened.worksheets.map((w) => w.name)).toEqual([
      "Objectives",
      "Matrix",
      "Alignment View",
    ]);
    const matrix = opened.getWorksheet("Matrix")!;
    expect(tablesOf(matrix)).toEqual([
      expect.objectContaining({
        name: "Matrix",
        tableRef: "A1:D3",
        headerRow: true,
        style: expect.objectContaining({ theme: "TableStyleMedium2" }),
      }),
    ]);
    expect(validationsOf(matrix).C2).toMatchObject({
      type: "list",
      allowBlank: true,
      formulae: ["Objectives!$A$2:$A$200"],
      showErrorMessage: true,
      error: "Pick an objective",
    });
    expect(matrix.getCell("D2").numFmt).toBe("0%");
    expect(matrix.getCell("D2").value).toBe(0.6);
    expect(matrix.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 0 });
    expect(matrix.getColumn(2).width).toBe(16);
    expect(opened.getWorksheet("Alignment View")!.getCell("B1").numFmt).toBe("0.0%");
    expect(opened.definedNames.model).toEqual([
      { name: `${OWNED_NAME_PREFIX}1`, ranges: ["'Alignment View'!$A$1"] },
    ]);

    const reopened = await XlsxWorkbook.fromFile(path);
    expect(await reopened.ownedSheets()).toEqual(["Alignment View"]);
    expect((await reopened.readSheets(["Matrix"]))[0]!.values).toEqual(MATRIX);
  });

  it('stores the text "=1+1" as a string cell, not a formula', async () => {
    const book = XlsxWorkbook.empty();
    await book.createSheet({
      name: "Notes",
      blocks: [{ at: "A1", values: [["=1+1", "@x", "+1", "-1"]] }],
    });
    const opened = new Workbook();
    await opened.xlsx.load((await book.toBuffer()) as never);
    const notes = opened.getWorksheet("Notes")!;
    expect(notes.getCell("A1")).toMatchObject({ type: ValueType.String, value: "=1+1" });
    expect(cellProbe(notes.getCell("A1")).formula).toBeNull();
    expect(notes.getCell("D1")).toMatchObject({ type: ValueType.String, value: "-1" });
  });

  it('leaves a user sheet named "Alignment View" exactly as it was, and writes its own as "Alignment View (2)"', async () => {
    const user = new Workbook();
    const view = user.addWorksheet("Alignment View");
    view.getCell("A1").value = "My own view";
    view.getCell("A1").font = { bold: true, italic: true };
    view.getCell("B2").value = 1234.5;
    view.getCell("B2").numFmt = "#,##0.00";
    view.getCell("B3").value = { formula: "B2*2", result: 2469 };
    view.getCell("C2").value = new Date(Date.UTC(2024, 0, 15));
    view.getCell("C3").value = {
      richText: [{ text: "rich " }, { text: "text", font: { bold: true } }],
    };
    view.getCell("D2").value = "=not a formula";
    view.mergeCells("A5:C5");
    view.getCell("A5").value = "merged";
    user.addWorksheet("Matrix").addRow(["Plan"]);
    const bytes = new Uint8Array(await user.xlsx.writeBuffer());
    const cellsOf = (ws: Worksheet) => {
      const out: unknown[] = [];
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) =>
          out.push({ address: cell.address, value: cell.value, style: cell.style })
        )
      );
      return JSON.stringify(out);
    };
    const before = cellsOf(
      (await XlsxWorkbook.fromBuffer(bytes)).workbook.getWorksheet("Alignment View")!
    );

    const book = await XlsxWorkbook.fromBuffer(bytes);
    const [first] = await book.writeOwnedSheets([
      { name: "Alignment View", blocks: [{ at: "A1", values: [["CompAlign"]] }] },
    ]);
    expect(first).toEqual({ name: "Alignment View (2)", action: "created" });
    const again = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    expect(
      await again.writeOwnedSheets([
        { name: "Alignment View", blocks: [{ at: "A1", values: [["again"]] }] },
      ])
    ).toEqual([{ name: "Alignment View (2)", action: "replaced" }]);
    const after = await XlsxWorkbook.fromBuffer(await again.toBuffer());
    expect(await after.sheetNames()).toEqual(["Alignment View", "Matrix", "Alignment View (2)"]);
    expect(cellsOf(after.workbook.getWorksheet("Alignment View")!)).toBe(before);
    expect(await after.ownedSheets()).toEqual(["Alignment View (2)"]);
  });

  it("never changes the input: the file's bytes and the buffer given stay the same", async () => {
    const bytes = await userFile([{ name: "Matrix", values: MATRIX }]);
    const path = join(dir, "input.xlsx");
    await writeFile(path, bytes);
    const hashBefore = sha(await readFile(path));
    const copy = bytes.slice();

    const book = await XlsxWorkbook.fromFile(path);
    await book.readSheets(["Matrix"]);
    await book.writeOwnedSheets([
      { name: "Alignment View", blocks: [{ at: "A1", values: [["x"]] }] },
    ]);
    await book.toBuffer();
    const fromBytes = await XlsxWorkbook.fromBuffer(bytes);
    await fromBytes.writeOwnedSheets([
      { name: "Alignment View", blocks: [{ at: "A1", values: [["x"]] }] },
    ]);

    expect(sha(await readFile(path))).toBe(hashBefore);
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });

  it('reports a file it cannot read with "unreadable"', async () => {
    await expectWorkbookError(
      XlsxWorkbook.fromFile(join(dir, "missing.xlsx")),
      "unreadable",
      /missing\.xlsx/
    );
    await expectWorkbookError(
      XlsxWorkbook.fromBuffer(new TextEncoder().encode("not a zip")),
      "unreadable",
      /text file \(CSV, HTML or XML\), not an Excel workbook/
    );
  });

  it("calls a package that lists a sheet whose part is missing damaged, naming the sheet (not 'no such sheet')", async () => {
    const book = new Workbook();
    book.addWorksheet("Objectives").getCell("A1").value = "Objective";
    book.addWorksheet("Matrix").getCell("A1").value = "Plan";
    const whole = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const { readZip, writeZip } = await import("../../src/workbook/xlsx/zipPackage");
    const kept = readZip(whole)
      .filter((e) => e.name !== "xl/worksheets/sheet2.xml")
      .map((entry) => ({ kind: "raw" as const, entry }));
    const damaged = new Uint8Array(Buffer.concat(writeZip(kept)));
    await expectWorkbookError(
      XlsxWorkbook.fromBuffer(damaged),
      "unreadable",
      /^the file is damaged: its sheet "Matrix" is listed but its part \(xl\/worksheets\/sheet2\.xml\) is missing/
    );
    // The whole package still opens, both sheets there.
    expect(await (await XlsxWorkbook.fromBuffer(whole)).sheetNames()).toEqual([
      "Objectives",
      "Matrix",
    ]);
  });

  it("keeps the user's tables on other sheets when it replaces its own sheet", async () => {
    const book = XlsxWorkbook.empty();
    await book.createSheet(matrixSpec);
    const table = (name: string): SheetSpec => ({
      name: "View",
      blocks: [
        {
          at: "A1",
          values: [
            ["Objective", "Share"],
            ["Grow cloud", 0.5],
          ],
        },
      ],
      tables: [{ name, range: "A1:B2" }],
    });
    await book.writeOwnedSheets([table("Shares")]);
    const reopened = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    await reopened.writeOwnedSheets([table("Shares")]);
    await expectWorkbookError(
      reopened.writeOwnedSheets([{ ...table("Matrix"), name: "Other" }]),
      "exists",
      /Matrix/
    );
    const final = await XlsxWorkbook.fromBuffer(await reopened.toBuffer());
    expect(tablesOf(final.workbook.getWorksheet("Matrix")!).map((t) => t.name)).toEqual(["Matrix"]);
    expect(tablesOf(final.workbook.getWorksheet("View")!).map((t) => t.tableRef)).toEqual([
      "A1:B2",
    ]);
    expect((await final.readSheets(["Matrix"]))[0]!.values).toEqual(MATRIX);
  });
});

describe("XlsxWorkbook: reading what other tools write", () => {
  async function read(fill: (ws: Worksheet) => void, date1904 = false): Promise<SheetValue[][]> {
    const wb = new Workbook();
    if (date1904) wb.properties.date1904 = true;
    fill(wb.addWorksheet("Data"));
    const book = await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    return (await book.readSheets(["data"]))[0]!.values;
  }

  it("turns dates into Excel serials, rich text and hyperlinks into text, errors into their text", async () => {
    const values = await read((ws) => {
      ws.getCell("A1").value = new Date(Date.UTC(2024, 0, 15));
      ws.getCell("A1").numFmt = "yyyy-mm-dd";
      ws.getCell("B1").value = new Date(Date.UTC(2024, 0, 15, 12));
      ws.getCell("C1").value = {
        richText: [{ text: "Grow " }, { text: "cloud", font: { bold: true } }],
      };
      ws.getCell("D1").value = { text: "CompAlign", hyperlink: "https://example.com" };
      ws.getCell("E1").value = { error: "#N/A" } as never;
      ws.getCell("F1").value = true;
      ws.getCell("G1").value = "";
    });
    expect(values).toEqual([[45306, 45306.5, "Grow cloud", "CompAlign", "#N/A", true]]);
  });

  it("reads formula cells as their cached result, shared-formula children too, and null when none is cached", async () => {
    const values = await read((ws) => {
      ws.getCell("A1").value = 2;
      ws.getCell("A2").value = 3;
      ws.getCell("A3").value = 4;
      ws.fillFormula("B1:B3", "A1*10", [20, 30, 40]);
      ws.getCell("C1").value = { formula: 'IF(A1>1,"big","small")', result: "big" };
      ws.getCell("C2").value = { formula: "A1>1", result: true } as never;
      ws.getCell("C3").value = { formula: "1/0", result: { error: "#DIV/0!" } } as never;
      ws.getCell("D3").value = { formula: "NOW()" } as never;
    });
    expect(values).toEqual([
      [2, 20, "big", null],
      [3, 30, true, null],
      [4, 40, "#DIV/0!", null],
    ]);
  });

  it("reads the covered cells of a merged range as blank (exceljs repeats the title there)", async () => {
    const values = await read((ws) => {
      ws.mergeCells("A1:C1");
      ws.getCell("A1").value = "Title";
      ws.getCell("A2").value = 1;
    });
    expect(values).toEqual([["Title"], [1]]);
    const wider = await read((ws) => {
      ws.mergeCells("A1:C1");
      ws.getCell("A1").value = "Title";
      ws.getCell("D1").value = "x";
    });
    expect(wider).toEqual([["Title", null, null, "x"]]);
  });

  it("reads dates in a 1904-date workbook as that system's serials", async () => {
    const values = await read((ws) => {
      ws.getCell("A1").value = new Date(Date.UTC(2024, 0, 15));
    }, true);
    expect(values).toEqual([[45306 - 1462]]);
  });
});

describe("XlsxWorkbook: appendRows", () => {
  /** The exceljs model of a table (its typings leave it out). */
  const tableModel = (book: XlsxWorkbook, sheet: string) =>
    (
      book.workbook.getWorksheet(sheet)!.getTable("Matrix") as unknown as {
        model: { tableRef: string; autoFilterRef: string; rows?: unknown[][] };
      }
    ).model;

  it("grows a table added in this session and one loaded from a file alike; the file holds the rows, the formats and the table's new range", async () => {
    const book = XlsxWorkbook.empty();
    await book.createSheet(matrixSpec);
    expect(
      await book.appendRows("matrix", [{ Plan: "SE", weight: 0.5, Objective: "=1+1" }])
    ).toEqual({ sheet: "Matrix", range: "A4:D4" });
    // Added in this session: exceljs keeps the rows in its model, and they agree with the range.
    expect(tableModel(book, "Matrix")).toMatchObject({ tableRef: "A1:D4", autoFilterRef: "A1:D4" });
    expect(tableModel(book, "Matrix").rows).toHaveLength(3);

    const reopened = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    expect(tableModel(reopened, "Matrix")).toMatchObject({
      tableRef: "A1:D4",
      autoFilterRef: "A1:D4",
    });
    const ws = reopened.workbook.getWorksheet("Matrix")!;
    expect(ws.getCell("C4").value).toBe("=1+1");
    expect(ws.getCell("C4").type).toBe(ValueType.String);
    expect(ws.getCell("D4").numFmt).toBe("0%");

    // Loaded from a file: no rows in exceljs's model, the range still grows.
    await reopened.appendRows("Matrix", [{ Plan: "CSM", Weight: 1 }]);
    expect(tableModel(reopened, "Matrix").rows).toBeUndefined();
    const again = await XlsxWorkbook.fromBuffer(await reopened.toBuffer());
    expect(tableModel(again, "Matrix")).toMatchObject({
      tableRef: "A1:D5",
      autoFilterRef: "A1:D5",
    });
    expect((await again.readSheets(["Matrix"]))[0]!.values.slice(3)).toEqual([
      ["SE", null, "=1+1", 0.5],
      ["CSM", null, null, 1],
    ]);
  });

  it("leaves a table with a totals row as it is: the rows go below it", async () => {
    const file = new Workbook();
    file.addWorksheet("Matrix").addTable({
      name: "Matrix",
      ref: "A1",
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: "Plan", totalsRowLabel: "Total" },
        { name: "Weight", totalsRowFunction: "sum" },
      ],
      rows: [["AE", 0.6]],
    });
    const book = await XlsxWorkbook.fromBuffer(new Uint8Array(await file.xlsx.writeBuffer()));
    expect((await book.appendRows("Matrix", [{ Plan: "SE", Weight: 0.4 }])).range).toBe("A4:B4");
    expect(tableModel(book, "Matrix").tableRef).toBe("A1:B3");
  });
});

describe("XlsxWorkbook: ownership marks in files", () => {
  async function fileWithNames(
    names: [string, string][],
    sheets = ["Matrix", "Q3 view", "Bob's View"]
  ) {
    const wb = new Workbook();
    for (const sheet of sheets) wb.addWorksheet(sheet).getCell("A1").value = sheet;
    for (const [name, ref] of names) wb.definedNames.add(ref, name);
    return XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
  }

  it("reads marks Excel keeps through renames and apostrophes, and ignores marks of deleted sheets", async () => {
    const book = await fileWithNames([
      [`${OWNED_NAME_PREFIX}1`, "#REF!$A$1"],
      [`${OWNED_NAME_PREFIX}2`, "'Q3 view'!$A$1"],
      [`${OWNED_NAME_PREFIX}4`, "'Bob''s View'!$A$1"],
      [`${OWNED_NAME_PREFIX}5`, "'Gone'!$A$1"],
      ["Tiers", "Matrix!$A$1:$B$4"],
    ]);
    expect(await book.ownedSheets()).toEqual(["Q3 view", "Bob's View"]);
    await book.writeOwnedSheets([{ name: "New", blocks: [] }]);
    const names = readNames(book.workbook);
    expect(names).toContainEqual({ name: `${OWNED_NAME_PREFIX}5`, ref: "New!$A$1" });
    expect(names.map((n) => n.name).sort()).toEqual(
      [`${OWNED_NAME_PREFIX}2`, `${OWNED_NAME_PREFIX}4`, `${OWNED_NAME_PREFIX}5`, "Tiers"].sort()
    );
    await book.deleteOwnedSheets(["Bob's View"]);
    expect(await book.sheetNames()).toEqual(["Matrix", "Q3 view", "New"]);
    await expectWorkbookError(book.deleteOwnedSheets(["Matrix"]), "not-owned");
  });

  it("does not count a mark with another prefix or a workbook name as ownership", async () => {
    const book = await fileWithNames([
      ["CompAlign_Owned", "Matrix!$A$1"],
      ["CompAlign_Owned_x", "Matrix!$A$1"],
      ["Owned_1", "Matrix!$A$1"],
    ]);
    expect(await book.ownedSheets()).toEqual([]);
  });
});

describe("XlsxWorkbook: charts", () => {
  it("writes the sheet's charts into the file, and none once the sheet is rewritten without them", async () => {
    const chart = {
      type: "column" as const,
      title: "Pay share by objective",
      dataRange: "A1:C3",
      at: "E2",
    };
    const book = XlsxWorkbook.empty();
    await book.writeOwnedSheets([
      { name: "View", blocks: [{ at: "A1", values: MATRIX }], charts: [chart] },
    ]);
    // Placed by the layout pass (reportLayout.ts): beside the data, level with its source.
    expect(book.charts("view")).toEqual([{ ...chart, at: "F1", widthCells: 8, heightCells: 16 }]);
    const written = await chartsFromXlsx(await book.toBuffer());
    expect(written).toEqual([
      expect.objectContaining({
        sheet: "View",
        charts: [expect.objectContaining({ type: "column", title: "Pay share by objective" })],
      }),
    ]);
    await book.writeOwnedSheets([{ name: "View", blocks: [{ at: "A1", values: MATRIX }] }]);
    expect(book.charts("View")).toEqual([]);
    expect(await chartsFromXlsx(await book.toBuffer())).toEqual([{ sheet: "View", charts: [] }]);
  });
});
