/**
 * The workbook port's contract, as one suite every adapter runs: `describePortContract(label,
 * factory)`. The factory gives a harness: the port under test, and probes that look at what a
 * sheet holds beyond values (formulas, formats, styles, tables, validations, colour scales,
 * freeze panes, widths, tab colour, defined names) through the adapter's own means. The xlsx
 * harness saves and reopens the file after every write, so what is asserted is what the file
 * holds.
 */
import {
  OWNED_NAME_PREFIX,
  TableNameTakenError,
  WorkbookError,
  type ColorScaleSpec,
  type SheetSpec,
  type SheetValue,
  type WorkbookErrorKind,
  type WorkbookPort,
} from "../../src/workbook/port";

export type ProbeStyle = "title" | "header" | "note" | null;

export interface CellProbe {
  value: SheetValue;
  /** With its "=", or null. */
  formula: string | null;
  /** null for General. */
  numberFormat: string | null;
  style: ProbeStyle;
}

export interface ValidationProbe {
  list: string[] | { source: string };
  errorMessage: string | null;
}

export interface SheetProbe {
  cell(a1: string): CellProbe;
  /** Tables on the sheet: name, range without "$", style. */
  tables(): { name: string; range: string; style: string }[];
  /** The list validation covering a cell, or null. */
  validationAt(a1: string): ValidationProbe | null;
  /** Colour scales, colours as "#RRGGBB" in capitals. */
  colorScales(): ColorScaleSpec[];
  freeze(): { rows: number; columns: number } | null;
  /** Width of a column (0 = A) in characters, or null when the sheet does not set it. */
  columnWidth(index: number): number | null;
  /** "#RRGGBB" in capitals, or null. */
  tabColor(): string | null;
}

export interface PortHarness {
  /** The port under test (for xlsx: reopened from its saved bytes after every write). */
  readonly port: WorkbookPort;
  /** Probes one sheet as the workbook holds it now; throws when the sheet is missing. */
  sheet(name: string): SheetProbe;
  /** Workbook-level defined names, with the reference as the workbook holds it. */
  definedNames(): { name: string; ref: string }[];
  /** Hides a sheet as a user would (Excel's Hide). */
  hideSheet(name: string): void;
}

/** A workbook holding these user sheets (values from A1), in this order. */
export type HarnessFactory = (
  userSheets?: { name: string; values: SheetValue[][] }[]
) => Promise<PortHarness>;

/** The port's appendRows: every adapter has it (the port declares it optional for older stand-ins). */
function appendRowsOf(port: WorkbookPort): NonNullable<WorkbookPort["appendRows"]> {
  expect(typeof port.appendRows).toBe("function");
  return (sheet, rows) => port.appendRows!(sheet, rows);
}

async function rejection(promise: Promise<unknown>): Promise<WorkbookError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookError);
    return error as WorkbookError;
  }
  throw new Error("expected a WorkbookError, but the call succeeded");
}

/** Expects the promise to reject with a WorkbookError of `kind` whose message matches `message`. */
export async function expectWorkbookError(
  promise: Promise<unknown>,
  kind: WorkbookErrorKind,
  message?: RegExp
): Promise<void> {
  const error = await rejection(promise);
  expect(error.kind).toBe(kind);
  if (message) expect(error.message).toMatch(message);
}

const MATRIX: SheetValue[][] = [
  ["Plan", "Metric", "Weight"],
  ["AE", "Revenue", 0.6],
  ["AE", "Cloud ARR", 0.4],
];

/** Everything the port can read: names, ownership and every sheet's values. */
async function state(port: WorkbookPort) {
  const names = await port.sheetNames();
  return { names, owned: await port.ownedSheets(), sheets: await port.readSheets(names) };
}

const reportSpec = (
  name: string,
  rows: SheetValue[][],
  extra: Partial<SheetSpec> = {}
): SheetSpec => ({
  name,
  blocks: [{ at: "A1", values: rows }],
  ...extra,
});

export function describePortContract(label: string, factory: HarnessFactory): void {
  describe(`WorkbookPort contract: ${label}`, () => {
    describe("reading", () => {
      it("lists sheets in tab order and reads many at once, by name ignoring case, null when missing", async () => {
        const h = await factory([
          {
            name: "Objectives",
            values: [
              ["Objective", "Priority"],
              ["Grow cloud", 3],
            ],
          },
          { name: "Matrix", values: MATRIX },
        ]);
        expect(await h.port.sheetNames()).toEqual(["Objectives", "Matrix"]);
        const [matrix, missing, objectives] = await h.port.readSheets([
          "MATRIX",
          "Curves",
          "objectives",
        ]);
        expect(matrix).toEqual({ name: "Matrix", values: MATRIX });
        expect(missing).toBeNull();
        expect(objectives?.name).toBe("Objectives");
        expect(await h.port.readSheets([])).toEqual([]);
      });

      it("reads the used range from A1, padded to a rectangle with null", async () => {
        const h = await factory([
          {
            name: "Sparse",
            values: [
              [null, null, null],
              [null, "x", null],
              [null, null, 7],
            ],
          },
        ]);
        const [sparse] = await h.port.readSheets(["Sparse"]);
        expect(sparse!.values).toEqual([
          [null, null, null],
          [null, "x", null],
          [null, null, 7],
        ]);
      });

      it("reads an empty sheet as no rows, and blank text as null", async () => {
        const h = await factory([{ name: "Data", values: [["a", ""]] }]);
        await h.port.createSheet({ name: "Empty", blocks: [] });
        const [empty, data] = await h.port.readSheets(["Empty", "Data"]);
        expect(empty).toEqual({ name: "Empty", values: [] });
        expect(data!.values).toEqual([["a"]]);
      });
    });

    describe("createSheet", () => {
      it("adds a user sheet at the end with values, formulas, number formats and styles", async () => {
        const h = await factory([{ name: "Objectives", values: [["Objective"]] }]);
        const result = await h.port.createSheet({
          name: "Matrix",
          blocks: [
            { at: "A1", values: [["Goal matrix"]], style: "title" },
            { at: "A2", values: [["Plan", "Weight", "Double"]], style: "header" },
            {
              at: "A3",
              values: [
                ["AE", 0.6, 1.2],
                ["SE", 0.4, null],
              ],
              formulas: [
                [null, null, "=B3*2"],
                [null, null, "=B4*2"],
              ],
              numberFormats: [null, "0%", "0.00"],
            },
            { at: "A6", values: [["Weights must sum to 100%."]], style: "note" },
          ],
        });
        expect(result).toEqual({ name: "Matrix", action: "created" });
        expect(await h.port.sheetNames()).toEqual(["Objectives", "Matrix"]);
        expect(await h.port.ownedSheets()).toEqual([]);

        const [matrix] = await h.port.readSheets(["Matrix"]);
        expect(matrix!.values).toEqual([
          ["Goal matrix", null, null],
          ["Plan", "Weight", "Double"],
          ["AE", 0.6, 1.2],
          ["SE", 0.4, null],
          [null, null, null],
          ["Weights must sum to 100%.", null, null],
        ]);
        const sheet = h.sheet("Matrix");
        expect(sheet.cell("A1")).toEqual({
          value: "Goal matrix",
          formula: null,
          numberFormat: null,
          style: "title",
        });
        expect(sheet.cell("B2").style).toBe("header");
        expect(sheet.cell("B3")).toEqual({
          value: 0.6,
          formula: null,
          numberFormat: "0%",
          style: null,
        });
        expect(sheet.cell("C3")).toMatchObject({
          value: 1.2,
          formula: "=B3*2",
          numberFormat: "0.00",
        });
        expect(sheet.cell("C4")).toMatchObject({ value: null, formula: "=B4*2" });
        expect(sheet.cell("A6").style).toBe("note");
        expect(sheet.cell("D3")).toEqual({
          value: null,
          formula: null,
          numberFormat: null,
          style: null,
        });
      });

      it("writes text starting with = + - @ as text, never as a formula", async () => {
        const h = await factory();
        const risky = ["=1+1", "+A1", "-B2*3", "@SUM(A1:A3)", '=HYPERLINK("http://x")'];
        await h.port.createSheet({ name: "Notes", blocks: [{ at: "A1", values: [risky] }] });
        const [notes] = await h.port.readSheets(["Notes"]);
        expect(notes!.values).toEqual([risky]);
        for (const a1 of ["A1", "B1", "C1", "D1", "E1"])
          expect(h.sheet("Notes").cell(a1).formula).toBeNull();
      });

      it('rejects a name that exists, ignoring case, with "exists", and leaves the workbook as it was', async () => {
        const h = await factory([{ name: "Matrix", values: MATRIX }]);
        await h.port.writeOwnedSheets([reportSpec("Alignment View", [["mine"]])]);
        const before = await state(h.port);
        await expectWorkbookError(
          h.port.createSheet(reportSpec("matrix", [["x"]])),
          "exists",
          /matrix/i
        );
        await expectWorkbookError(
          h.port.createSheet(reportSpec("ALIGNMENT VIEW", [["x"]])),
          "exists"
        );
        expect(await state(h.port)).toEqual(before);
      });

      it.each([
        ["", /empty/],
        ["A".repeat(32), /31/],
        ["Q1/Q2", /contains/],
        ["What?", /contains/],
        ["[draft]", /contains/],
        ["a:b", /contains/],
        ["'quoted'", /apostrophe/],
        ["History", /History/],
      ])('rejects the sheet name %j with "invalid-name"', async (name, message) => {
        const h = await factory();
        await expectWorkbookError(
          h.port.createSheet({ name, blocks: [] }),
          "invalid-name",
          message
        );
        await expectWorkbookError(
          h.port.writeOwnedSheets([{ name, blocks: [] }]),
          "invalid-name",
          message
        );
        expect(await h.port.sheetNames()).toEqual([]);
      });

      it("accepts a 31-character name and names with spaces, apostrophes inside and other punctuation", async () => {
        const h = await factory();
        for (const name of ["B".repeat(31), "Bob's plan", "Plan #2 (draft) & more"]) {
          await h.port.createSheet({ name, blocks: [{ at: "A1", values: [[name]] }] });
        }
        expect(await h.port.sheetNames()).toEqual([
          "B".repeat(31),
          "Bob's plan",
          "Plan #2 (draft) & more",
        ]);
      });
    });

    describe("block shapes", () => {
      it.each<[string, SheetSpec["blocks"][number], RegExp]>([
        ["ragged values", { at: "A1", values: [[1, 2], [3]] }, /row 2 has 1 values/],
        [
          "formulas of another size",
          { at: "B2", values: [[1, 2]], formulas: [["=1"]] },
          /formulas must be 1 × 2/,
        ],
        [
          "formulas with another row count",
          { at: "B2", values: [[1], [2]], formulas: [["=1"]] },
          /formulas/,
        ],
        [
          "number formats for the wrong column count",
          { at: "A1", values: [[1, 2]], numberFormats: ["0%"] },
          /1 number formats for 2 columns/,
        ],
        [
          "a formula without =",
          { at: "A1", values: [[1]], formulas: [["SUM(A2:A3)"]] },
          /does not start with "="/,
        ],
        ["an anchor that is not a cell", { at: "A0", values: [[1]] }, /not a cell address/],
        ["values past the last column", { at: "XFD1", values: [[1, 2]] }, /past the sheet/],
        ["a number Excel cannot hold", { at: "A1", values: [[Number.NaN]] }, /NaN/],
      ])(
        'rejects %s with "shape", naming the sheet and block, writing nothing',
        async (_, block, message) => {
          const h = await factory([{ name: "Matrix", values: MATRIX }]);
          const before = await state(h.port);
          const spec: SheetSpec = {
            name: "Report",
            blocks: [{ at: "A1", values: [["ok"]] }, block],
          };
          const error = await rejection(h.port.writeOwnedSheets([spec]));
          expect(error.kind).toBe("shape");
          expect(error.message).toMatch(message);
          expect(error.message).toContain('"Report"');
          await expectWorkbookError(h.port.createSheet(spec), "shape");
          expect(await state(h.port)).toEqual(before);
        }
      );

      it("accepts an empty block and writes nothing for it", async () => {
        const h = await factory();
        await h.port.createSheet({
          name: "S",
          blocks: [
            { at: "C3", values: [] },
            { at: "A1", values: [[1]] },
          ],
        });
        expect((await h.port.readSheets(["S"]))[0]!.values).toEqual([[1]]);
      });

      it("writes later blocks over earlier ones; a null value blanks the cell", async () => {
        const h = await factory();
        await h.port.createSheet({
          name: "S",
          blocks: [
            { at: "A1", values: [[1, 2, 3]] },
            { at: "B1", values: [[null, 9]] },
          ],
        });
        expect((await h.port.readSheets(["S"]))[0]!.values).toEqual([[1, null, 9]]);
      });
    });

    describe("tables", () => {
      const tableSpec = (
        name: string,
        tables: SheetSpec["tables"],
        rows: SheetValue[][] = MATRIX
      ): SheetSpec => ({
        name,
        blocks: [{ at: "A1", values: rows, numberFormats: [null, null, "0%"] }],
        tables,
      });

      it("adds a named table over the block without doubling or clobbering its cells", async () => {
        const h = await factory();
        await h.port.createSheet({
          name: "Matrix",
          blocks: [
            { at: "A1", values: MATRIX, numberFormats: [null, null, "0%"] },
            {
              at: "D1",
              values: [["Double"], [null], [null]],
              formulas: [[null], ["=C2*2"], ["=C3*2"]],
            },
            { at: "A1", values: [["Plan"]], style: "header" },
          ],
          tables: [{ name: "Matrix", range: "$A$1:$D$3", style: "TableStyleLight9" }],
        });
        expect(h.sheet("Matrix").tables()).toEqual([
          { name: "Matrix", range: "A1:D3", style: "TableStyleLight9" },
        ]);
        const [matrix] = await h.port.readSheets(["Matrix"]);
        expect(matrix!.values).toEqual([
          ["Plan", "Metric", "Weight", "Double"],
          ["AE", "Revenue", 0.6, null],
          ["AE", "Cloud ARR", 0.4, null],
        ]);
        const sheet = h.sheet("Matrix");
        expect(sheet.cell("C2").numberFormat).toBe("0%");
        expect(sheet.cell("D3").formula).toBe("=C3*2");
        expect(sheet.cell("A1").style).toBe("header");
      });

      it("gives a table Excel's default style when none is named", async () => {
        const h = await factory();
        await h.port.createSheet(tableSpec("Matrix", [{ name: "Matrix", range: "A1:C3" }]));
        expect(h.sheet("Matrix").tables()).toEqual([
          { name: "Matrix", range: "A1:C3", style: "TableStyleMedium2" },
        ]);
      });

      it('rejects a table name used anywhere in the workbook (ignoring case) with "exists"', async () => {
        const h = await factory();
        await h.port.createSheet(tableSpec("Matrix", [{ name: "Matrix", range: "A1:C3" }]));
        const before = await state(h.port);
        await expectWorkbookError(
          h.port.writeOwnedSheets([tableSpec("Copy", [{ name: "MATRIX", range: "A1:C3" }])]),
          "exists",
          /MATRIX.*sheet "Matrix"/
        );
        await expectWorkbookError(
          h.port.writeOwnedSheets([
            tableSpec("One", [{ name: "Plans", range: "A1:C3" }]),
            tableSpec("Two", [{ name: "plans", range: "A1:C3" }]),
          ]),
          "exists"
        );
        expect(await state(h.port)).toEqual(before);
      });

      it("a taken table name is a TableNameTakenError naming it, whatever else it collides with", async () => {
        const h = await factory();
        await h.port.createSheet(tableSpec("Matrix", [{ name: "Matrix", range: "A1:C3" }]));
        const taken = async (promise: Promise<unknown>) => {
          const error = await rejection(promise);
          expect(error).toBeInstanceOf(TableNameTakenError);
          expect(error.kind).toBe("exists");
          return (error as TableNameTakenError).tableName;
        };
        // Used by another sheet's table, by createSheet and by writeOwnedSheets.
        expect(
          await taken(h.port.createSheet(tableSpec("Other", [{ name: "matrix", range: "A1:C3" }])))
        ).toBe("matrix");
        expect(
          await taken(
            h.port.writeOwnedSheets([tableSpec("Copy", [{ name: "MATRIX", range: "A1:C3" }])])
          )
        ).toBe("MATRIX");
        // Twice in one write, on two sheets and on one.
        expect(
          await taken(
            h.port.writeOwnedSheets([
              tableSpec("One", [{ name: "Plans", range: "A1:C3" }]),
              tableSpec("Two", [{ name: "plans", range: "A1:C3" }]),
            ])
          )
        ).toBe("plans");
        // A sheet name that is taken is "exists" too, but not a table-name error: no retry.
        const sheetTaken = await rejection(h.port.createSheet(tableSpec("matrix", [])));
        expect(sheetTaken.kind).toBe("exists");
        expect(sheetTaken).not.toBeInstanceOf(TableNameTakenError);
      });

      it.each(["My Table", "1Table", "A1", "R1C1", "C", "Tab-le", ""])(
        'rejects the table name %j with "invalid-name"',
        async (name) => {
          const h = await factory();
          await expectWorkbookError(
            h.port.createSheet(tableSpec("Matrix", [{ name, range: "A1:C3" }])),
            "invalid-name",
            /Matrix/
          );
        }
      );

      it('rejects overlapping tables and a table without a data row with "shape"', async () => {
        const h = await factory();
        await expectWorkbookError(
          h.port.createSheet(
            tableSpec("Matrix", [
              { name: "Left", range: "A1:B3" },
              { name: "Right", range: "B2:C3" },
            ])
          ),
          "shape",
          /Right.*overlaps.*Left/
        );
        await expectWorkbookError(
          h.port.createSheet(tableSpec("Matrix", [{ name: "Head", range: "A1:C1" }])),
          "shape",
          /data row/
        );
        expect(await h.port.sheetNames()).toEqual([]);
      });

      it('rejects blank or repeated header cells with "invalid-name"', async () => {
        const h = await factory();
        const rows = (header: SheetValue[]) => [header, ["a", "b", 1]];
        await expectWorkbookError(
          h.port.createSheet(
            tableSpec("M", [{ name: "T", range: "A1:C2" }], rows(["Plan", null, "Weight"]))
          ),
          "invalid-name",
          /header cell 2/
        );
        await expectWorkbookError(
          h.port.createSheet(
            tableSpec("M", [{ name: "T", range: "A1:C2" }], rows(["Plan", "plan", "Weight"]))
          ),
          "invalid-name",
          /repeats/
        );
        await expectWorkbookError(
          h.port.createSheet(
            tableSpec("M", [{ name: "T", range: "A1:C2" }], rows(["Plan", 2024, "Weight"]))
          ),
          "invalid-name"
        );
      });
    });

    describe("validations, colour scales, freeze panes, widths, tab colour, charts", () => {
      it("writes list validations from a fixed list or a source range, with the error message", async () => {
        const h = await factory([{ name: "Objectives", values: [["Objective"], ["Grow cloud"]] }]);
        await h.port.createSheet({
          name: "Matrix",
          blocks: [{ at: "A1", values: MATRIX }],
          validations: [
            {
              range: "C2:C200",
              list: { source: "Objectives!$A$2:$A$200" },
              errorMessage: "Pick an objective",
            },
            { range: "D2:D200", list: ["Finance", "HR", "Sales"] },
          ],
        });
        const sheet = h.sheet("Matrix");
        expect(sheet.validationAt("C2")).toEqual({
          list: { source: "Objectives!$A$2:$A$200" },
          errorMessage: "Pick an objective",
        });
        expect(sheet.validationAt("C200")).toEqual(sheet.validationAt("C2"));
        expect(sheet.validationAt("D57")).toEqual({
          list: ["Finance", "HR", "Sales"],
          errorMessage: null,
        });
        expect(sheet.validationAt("C201")).toBeNull();
        expect(sheet.validationAt("C1")).toBeNull();
      });

      it('rejects bad validations: a list item with a comma ("shape"), a source without its sheet ("shape"), a long fixed list ("too-large")', async () => {
        const h = await factory();
        const spec = (list: string[] | { source: string }): SheetSpec => ({
          name: "M",
          blocks: [],
          validations: [{ range: "A2:A9", list }],
        });
        await expectWorkbookError(h.port.createSheet(spec(["Sales, EMEA"])), "shape", /comma/);
        await expectWorkbookError(
          h.port.createSheet(spec({ source: "$A$2:$A$9" })),
          "shape",
          /sheet/
        );
        await expectWorkbookError(
          h.port.createSheet(spec(Array.from({ length: 60 }, (_, i) => `Choice ${i}`))),
          "too-large",
          /255/
        );
        await expectWorkbookError(
          h.port.createSheet({
            name: "M",
            blocks: [],
            validations: [{ range: "nowhere", list: ["a"] }],
          }),
          "shape",
          /"nowhere"/
        );
      });

      it("writes 2- and 3-colour scales", async () => {
        const h = await factory();
        await h.port.createSheet({
          name: "View",
          blocks: [{ at: "A1", values: [[0.1, 0.5, 0.9]] }],
          colorScales: [
            { range: "A1:C1", minColor: "#f8696b", midColor: "#FFEB84", maxColor: "#63BE7B" },
            { range: "A2:C2", minColor: "#FFFFFF", maxColor: "#5A8AC6" },
          ],
        });
        expect(h.sheet("View").colorScales()).toEqual([
          { range: "A1:C1", minColor: "#F8696B", midColor: "#FFEB84", maxColor: "#63BE7B" },
          { range: "A2:C2", minColor: "#FFFFFF", maxColor: "#5A8AC6" },
        ]);
        await expectWorkbookError(
          h.port.createSheet({
            name: "Bad",
            blocks: [],
            colorScales: [{ range: "A1:A2", minColor: "red", maxColor: "#000000" }],
          }),
          "shape",
          /"red"/
        );
      });

      it("freezes panes, sets column widths and the tab colour", async () => {
        const h = await factory();
        await h.port.createSheet({
          name: "Matrix",
          blocks: [{ at: "A1", values: MATRIX }],
          freeze: { rows: 1, columns: 2 },
          columnWidths: [12, 30],
          tabColor: "#1f4e79",
        });
        const sheet = h.sheet("Matrix");
        expect(sheet.freeze()).toEqual({ rows: 1, columns: 2 });
        expect(sheet.columnWidth(0)).toBe(12);
        expect(sheet.columnWidth(1)).toBe(30);
        expect(sheet.columnWidth(5)).toBeNull();
        expect(sheet.tabColor()).toBe("#1F4E79");

        await h.port.createSheet({ name: "Rows", blocks: [], freeze: { rows: 1, columns: 0 } });
        expect(h.sheet("Rows").freeze()).toEqual({ rows: 1, columns: 0 });
        await h.port.createSheet({ name: "Plain", blocks: [] });
        expect(h.sheet("Plain").freeze()).toBeNull();
        expect(h.sheet("Plain").tabColor()).toBeNull();
      });

      it("accepts charts (each adapter keeps or draws them) and rejects a chart with a bad range", async () => {
        const h = await factory();
        const chart = {
          type: "column" as const,
          title: "Pay vs priority",
          dataRange: "A1:C3",
          at: "E2",
        };
        await h.port.createSheet({
          name: "Chart",
          blocks: [{ at: "A1", values: MATRIX }],
          charts: [chart],
        });
        expect(await h.port.sheetNames()).toEqual(["Chart"]);
        await expectWorkbookError(
          h.port.createSheet({
            name: "Bad",
            blocks: [],
            charts: [{ ...chart, dataRange: "here" }],
          }),
          "shape",
          /Pay vs priority/
        );
      });
    });

    describe("owned sheets", () => {
      it("creates owned sheets at the end, marked by hidden names CompAlign_Owned_<n> → 'Sheet'!$A$1", async () => {
        const h = await factory([{ name: "Matrix", values: MATRIX }]);
        const results = await h.port.writeOwnedSheets([
          reportSpec("Alignment View", [["Index", 0.8]]),
          reportSpec("Scenarios", [["Base"]]),
        ]);
        expect(results).toEqual([
          { name: "Alignment View", action: "created" },
          { name: "Scenarios", action: "created" },
        ]);
        expect(await h.port.sheetNames()).toEqual(["Matrix", "Alignment View", "Scenarios"]);
        expect(await h.port.ownedSheets()).toEqual(["Alignment View", "Scenarios"]);
        const marks = h.definedNames().filter((n) => n.name.startsWith(OWNED_NAME_PREFIX));
        expect(marks).toEqual([
          { name: `${OWNED_NAME_PREFIX}1`, ref: "'Alignment View'!$A$1" },
          { name: `${OWNED_NAME_PREFIX}2`, ref: "Scenarios!$A$1" },
        ]);
      });

      it("replaces its own sheet in place: same tab position, old content, tables, validations and formats all gone", async () => {
        const h = await factory([{ name: "Matrix", values: MATRIX }]);
        await h.port.writeOwnedSheets([
          {
            name: "Alignment View",
            blocks: [
              { at: "A1", values: [["Old title"]], style: "title" },
              { at: "A3", values: MATRIX, numberFormats: ["@", null, "0%"] },
            ],
            tables: [{ name: "AlignmentData", range: "A3:C5" }],
            validations: [{ range: "C4:C5", list: ["x", "y"] }],
            colorScales: [{ range: "C4:C5", minColor: "#FFFFFF", maxColor: "#000000" }],
            freeze: { rows: 3, columns: 0 },
            columnWidths: [40],
            tabColor: "#FF0000",
          },
        ]);
        await h.port.createSheet({ name: "Later", blocks: [{ at: "A1", values: [["user"]] }] });

        const [result] = await h.port.writeOwnedSheets([
          {
            name: "alignment view",
            blocks: [
              {
                at: "A1",
                values: [
                  ["New", "Table"],
                  [1, 2],
                ],
              },
            ],
            tables: [{ name: "AlignmentData", range: "A1:B2" }],
          },
        ]);
        expect(result).toEqual({ name: "Alignment View", action: "replaced" });
        expect(await h.port.sheetNames()).toEqual(["Matrix", "Alignment View", "Later"]);
        expect(await h.port.ownedSheets()).toEqual(["Alignment View"]);
        expect((await h.port.readSheets(["Alignment View"]))[0]!.values).toEqual([
          ["New", "Table"],
          [1, 2],
        ]);
        const sheet = h.sheet("Alignment View");
        expect(sheet.tables()).toEqual([
          { name: "AlignmentData", range: "A1:B2", style: "TableStyleMedium2" },
        ]);
        expect(sheet.cell("A1").style).toBeNull();
        expect(sheet.cell("A3")).toEqual({
          value: null,
          formula: null,
          numberFormat: null,
          style: null,
        });
        expect(sheet.cell("C4").numberFormat).toBeNull();
        expect(sheet.validationAt("C4")).toBeNull();
        expect(sheet.colorScales()).toEqual([]);
        // The layout pass (reportLayout.ts) freezes the new header row and sizes the column
        // to its content: nothing of the old panes or widths is left.
        expect(sheet.freeze()).toEqual({ rows: 1, columns: 0 });
        expect(sheet.columnWidth(0)).not.toBe(40);
        expect(sheet.tabColor()).toBeNull();
        expect(h.definedNames().filter((n) => n.name.startsWith(OWNED_NAME_PREFIX))).toHaveLength(
          1
        );
        expect((await h.port.readSheets(["Later"]))[0]!.values).toEqual([["user"]]);
      });

      it('never touches a user sheet of the same name: its own sheet gets " (2)", and keeps it on re-runs', async () => {
        const userView: SheetValue[][] = [
          ["my notes", 42],
          ["=not a formula", null],
        ];
        const h = await factory([
          { name: "Alignment View", values: userView },
          { name: "Matrix", values: MATRIX },
        ]);
        expect(await h.port.writeOwnedSheets([reportSpec("Alignment View", [["ours"]])])).toEqual([
          { name: "Alignment View (2)", action: "created" },
        ]);
        expect(
          await h.port.writeOwnedSheets([reportSpec("Alignment View", [["ours again"]])])
        ).toEqual([{ name: "Alignment View (2)", action: "replaced" }]);
        expect(await h.port.sheetNames()).toEqual([
          "Alignment View",
          "Matrix",
          "Alignment View (2)",
        ]);
        expect(await h.port.ownedSheets()).toEqual(["Alignment View (2)"]);
        const [user, ours] = await h.port.readSheets(["Alignment View", "Alignment View (2)"]);
        expect(user!.values).toEqual(userView);
        expect(ours!.values).toEqual([["ours again"]]);
        await expectWorkbookError(h.port.deleteOwnedSheets(["Alignment View"]), "not-owned");
      });

      it("keeps a long name within 31 characters when it adds a suffix", async () => {
        const long = "Scenario comparison for FY2026!"; // 31 characters
        const h = await factory([{ name: long, values: [["user"]] }]);
        const [result] = await h.port.writeOwnedSheets([reportSpec(long, [["ours"]])]);
        expect(result.name).toBe("Scenario comparison for FY2 (2)");
        expect(await h.port.ownedSheets()).toEqual([result.name]);
      });

      it("treats a user sheet created with createSheet as the user's", async () => {
        const h = await factory();
        await h.port.createSheet(reportSpec("Alignment View", [["typed by hand"]]));
        const [result] = await h.port.writeOwnedSheets([reportSpec("Alignment View", [["ours"]])]);
        expect(result).toEqual({ name: "Alignment View (2)", action: "created" });
      });

      it('rejects the same sheet twice in one call with "exists", and a bad spec anywhere in the batch, writing nothing', async () => {
        const h = await factory([{ name: "Matrix", values: MATRIX }]);
        await h.port.writeOwnedSheets([reportSpec("Alignment View", [["v1"]])]);
        const before = await state(h.port);
        await expectWorkbookError(
          h.port.writeOwnedSheets([reportSpec("Report", [[1]]), reportSpec("REPORT", [[2]])]),
          "exists",
          /REPORT/
        );
        await expectWorkbookError(
          h.port.writeOwnedSheets([
            reportSpec("Alignment View", [["v2"]]),
            reportSpec("New report", [[1]]),
            { name: "Broken", blocks: [{ at: "A1", values: [[1], [1, 2]] }] },
          ]),
          "shape",
          /"Broken"/
        );
        expect(await state(h.port)).toEqual(before);
      });

      it('deletes only sheets it owns: any other is refused with "not-owned" before anything is deleted', async () => {
        const h = await factory([{ name: "Matrix", values: MATRIX }]);
        await h.port.writeOwnedSheets([
          reportSpec("Alignment View", [[1]]),
          reportSpec("Scenarios", [[2]]),
        ]);
        await expectWorkbookError(
          h.port.deleteOwnedSheets(["Scenarios", "Matrix"]),
          "not-owned",
          /"Matrix"/
        );
        expect(await h.port.sheetNames()).toEqual(["Matrix", "Alignment View", "Scenarios"]);

        await h.port.deleteOwnedSheets(["scenarios", "No such sheet"]);
        expect(await h.port.sheetNames()).toEqual(["Matrix", "Alignment View"]);
        expect(await h.port.ownedSheets()).toEqual(["Alignment View"]);
        expect(h.definedNames().filter((n) => n.name.startsWith(OWNED_NAME_PREFIX))).toEqual([
          { name: `${OWNED_NAME_PREFIX}1`, ref: "'Alignment View'!$A$1" },
        ]);
        await h.port.deleteOwnedSheets([]);
        expect(await h.port.sheetNames()).toEqual(["Matrix", "Alignment View"]);
      });

      it("does not treat a new sheet with a deleted owned sheet's name as owned unless it writes it", async () => {
        const h = await factory([{ name: "Matrix", values: MATRIX }]);
        await h.port.writeOwnedSheets([reportSpec("Alignment View", [[1]])]);
        await h.port.deleteOwnedSheets(["Alignment View"]);
        await h.port.createSheet(reportSpec("Alignment View", [["user's now"]]));
        expect(await h.port.ownedSheets()).toEqual([]);
        const [result] = await h.port.writeOwnedSheets([reportSpec("Alignment View", [["ours"]])]);
        expect(result.name).toBe("Alignment View (2)");
      });

      it("numbers new marks past the highest one in use", async () => {
        const h = await factory([{ name: "Matrix", values: MATRIX }]);
        await h.port.writeOwnedSheets([reportSpec("One", [[1]]), reportSpec("Two", [[2]])]);
        await h.port.deleteOwnedSheets(["One"]);
        await h.port.writeOwnedSheets([reportSpec("Three", [[3]])]);
        expect(
          h
            .definedNames()
            .map((n) => n.name)
            .sort()
        ).toEqual([`${OWNED_NAME_PREFIX}2`, `${OWNED_NAME_PREFIX}3`]);
        expect(await h.port.ownedSheets()).toEqual(["Two", "Three"]);
      });

      it("refuses a delete that would leave no visible sheet (hidden sheets do not count), deleting nothing", async () => {
        const h = await factory([{ name: "Data", values: [["x"]] }]);
        h.hideSheet("Data");
        await h.port.writeOwnedSheets([reportSpec("Report", [[1]]), reportSpec("Other", [[2]])]);
        await h.port.deleteOwnedSheets(["Other"]);
        await expectWorkbookError(
          h.port.deleteOwnedSheets(["Report"]),
          "not-owned",
          /cannot delete "Report": every other sheet is hidden, and an Excel workbook keeps at least one visible sheet/
        );
        expect(await h.port.sheetNames()).toEqual(["Data", "Report"]);
        expect(await h.port.ownedSheets()).toEqual(["Report"]);
      });

      it("refuses to delete every sheet of the workbook", async () => {
        const h = await factory();
        await h.port.writeOwnedSheets([reportSpec("Only", [[1]])]);
        await expectWorkbookError(h.port.deleteOwnedSheets(["Only"]), "not-owned", /at least one/);
        expect(await h.port.sheetNames()).toEqual(["Only"]);
      });
    });

    describe("appendRows (the user asked to add rows to their sheet)", () => {
      const SCENARIOS: SheetValue[][] = [
        ["Scenario", "Change", "  Plan ", "Value"],
        ["Base", "scale-ti", "AE", 1.1],
        ["Base", "shift-weight", null, 0.2],
      ];

      it("appends below the last used row, placing values by header in any order and case; unnamed columns stay blank", async () => {
        const h = await factory([
          { name: "Scenarios", values: SCENARIOS },
          { name: "Matrix", values: MATRIX },
        ]);
        const result = await appendRowsOf(h.port)("scenarios", [
          { VALUE: 1.05, " change ": "scale-ti", scenario: "TI up" },
          { plan: "SE", Scenario: "Two", Change: "remove-metric", Value: null },
        ]);
        expect(result).toEqual({ sheet: "Scenarios", range: "A4:D5" });
        const [scenarios, matrix] = await h.port.readSheets(["Scenarios", "Matrix"]);
        expect(scenarios!.values).toEqual([
          ...SCENARIOS,
          ["TI up", "scale-ti", null, 1.05],
          ["Two", "remove-metric", "SE", null],
        ]);
        expect(matrix!.values).toEqual(MATRIX);
        expect(h.sheet("Scenarios").cell("D4")).toEqual({
          value: 1.05,
          formula: null,
          numberFormat: null,
          style: null,
        });

        // The next append goes below those rows; a blank for a column the sheet lacks is fine.
        const next = await appendRowsOf(h.port)("Scenarios", [
          { Scenario: "Three", Change: "x", Segment: null, To: "" },
        ]);
        expect(next.range).toBe("A6:D6");
      });

      it("counts a row holding only a formula as used, and spans the header's columns from the first to the last", async () => {
        const h = await factory();
        await h.port.createSheet({
          name: "Data",
          blocks: [
            { at: "B1", values: [["Name", null, "Amount"]] },
            { at: "B2", values: [["a", null, 5]] },
            { at: "D3", values: [[null]], formulas: [["=D2*2"]] },
          ],
        });
        const result = await appendRowsOf(h.port)("Data", [{ amount: 7 }]);
        expect(result).toEqual({ sheet: "Data", range: "B4:D4" });
        expect((await h.port.readSheets(["Data"]))[0]!.values[3]).toEqual([null, null, null, 7]);
        expect(h.sheet("Data").cell("D3").formula).toBe("=D2*2");
      });

      it("writes text as text, never as a formula or a number", async () => {
        const h = await factory([{ name: "Notes", values: [["A", "B", "C", "D", "E"]] }]);
        const risky = { A: "=1+1", B: "+A1", C: "@SUM(A1:A3)", D: "-5", E: "00123" };
        await appendRowsOf(h.port)("Notes", [risky]);
        expect((await h.port.readSheets(["Notes"]))[0]!.values[1]).toEqual(Object.values(risky));
        for (const a1 of ["A2", "B2", "C2", "D2", "E2"])
          expect(h.sheet("Notes").cell(a1).formula).toBeNull();
      });

      it("grows a table that ends at the last used row, keeps the row above's number formats, and leaves other tables and cells alone", async () => {
        const h = await factory();
        await h.port.createSheet({
          name: "Matrix",
          blocks: [
            { at: "A1", values: MATRIX, numberFormats: [null, null, "0%"] },
            { at: "E1", values: [["Note"], ["kept"]] },
          ],
          tables: [
            { name: "MatrixTable", range: "A1:C3" },
            { name: "Notes", range: "E1:E2" },
          ],
        });
        const result = await appendRowsOf(h.port)("Matrix", [
          { Plan: "SE", Weight: 0.5 },
          { Plan: "SE", Metric: "Renewals", Weight: 0.5 },
        ]);
        expect(result).toEqual({ sheet: "Matrix", range: "A4:E5" });
        const sheet = h.sheet("Matrix");
        expect(sheet.tables()).toEqual([
          { name: "MatrixTable", range: "A1:C5", style: "TableStyleMedium2" },
          { name: "Notes", range: "E1:E2", style: "TableStyleMedium2" },
        ]);
        expect((await h.port.readSheets(["Matrix"]))[0]!.values).toEqual([
          ["Plan", "Metric", "Weight", null, "Note"],
          ["AE", "Revenue", 0.6, null, "kept"],
          ["AE", "Cloud ARR", 0.4, null, null],
          ["SE", null, 0.5, null, null],
          ["SE", "Renewals", 0.5, null, null],
        ]);
        expect(sheet.cell("C4").numberFormat).toBe("0%");
        expect(sheet.cell("C5").numberFormat).toBe("0%");
        expect(sheet.cell("A4").numberFormat).toBeNull();
        expect(sheet.cell("C3").numberFormat).toBe("0%");

        // Again: the grown table ends at the new last row, so it grows again.
        await appendRowsOf(h.port)("Matrix", [{ Plan: "CSM", Weight: 1 }]);
        expect(h.sheet("Matrix").tables()[0].range).toBe("A1:C6");
        expect(h.sheet("Matrix").cell("C6")).toMatchObject({ value: 1, numberFormat: "0%" });
      });

      it("does not copy the header row's formats to the first data row", async () => {
        const h = await factory();
        await h.port.createSheet({
          name: "Rows",
          blocks: [
            { at: "A1", values: [["Name", "Share"]], style: "header", numberFormats: [null, "@"] },
          ],
        });
        await appendRowsOf(h.port)("Rows", [{ Name: "a", Share: 0.5 }]);
        expect(h.sheet("Rows").cell("B2")).toEqual({
          value: 0.5,
          formula: null,
          numberFormat: null,
          style: null,
        });
      });

      it('rejects a missing sheet with "invalid-name", naming it, and writes nothing', async () => {
        const h = await factory([{ name: "Scenarios", values: SCENARIOS }]);
        const before = await state(h.port);
        await expectWorkbookError(
          appendRowsOf(h.port)("Scenarioz", [{ Scenario: "x" }]),
          "invalid-name",
          /"Scenarioz"/
        );
        expect(await state(h.port)).toEqual(before);
      });

      it('rejects a column not in row 1 with "shape", naming it and listing the headers, and writes nothing, not even the good rows', async () => {
        const h = await factory([{ name: "Scenarios", values: SCENARIOS }]);
        await h.port.createSheet({
          name: "Matrix",
          blocks: [{ at: "A1", values: MATRIX }],
          tables: [{ name: "MatrixTable", range: "A1:C3" }],
        });
        const before = await state(h.port);
        const error = await rejection(
          appendRowsOf(h.port)("Scenarios", [
            { Scenario: "fine", Change: "scale-ti" },
            { Scenario: "bad", Owner: "Sales" },
          ])
        );
        expect(error.kind).toBe("shape");
        expect(error.message).toMatch(/"Owner"/);
        expect(error.message).toMatch(/"Scenario", "Change", "Plan", "Value"/);

        await expectWorkbookError(
          appendRowsOf(h.port)("Matrix", [{ Plan: "SE", Weight: Number.NaN }]),
          "shape",
          /NaN/
        );
        await expectWorkbookError(appendRowsOf(h.port)("Matrix", []), "shape", /no rows/);
        await expectWorkbookError(
          appendRowsOf(h.port)("Matrix", [{ Plan: null, Weight: "" }]),
          "shape",
          /no values/
        );
        await expectWorkbookError(
          appendRowsOf(h.port)("Matrix", [{ Plan: "SE", " PLAN": "AE" }]),
          "shape",
          /twice/
        );
        await expectWorkbookError(
          appendRowsOf(h.port)("Matrix", [{ Plan: "x".repeat(32_768) }]),
          "too-large"
        );
        expect(await state(h.port)).toEqual(before);
        expect(h.sheet("Matrix").tables()[0].range).toBe("A1:C3");
      });

      it('rejects rows for a sheet whose row 1 is blank with "shape"', async () => {
        const h = await factory([{ name: "Blank", values: [[null], ["data"]] }]);
        await h.port.createSheet({ name: "Empty", blocks: [] });
        await expectWorkbookError(
          appendRowsOf(h.port)("Blank", [{ Name: "x" }]),
          "shape",
          /"Name".*row 1 is blank/
        );
        await expectWorkbookError(appendRowsOf(h.port)("Empty", [{ Name: "x" }]), "shape", /blank/);
        expect((await h.port.readSheets(["Empty"]))[0]!.values).toEqual([]);
      });
    });

    describe("select", () => {
      it("accepts a cell or range on a sheet, with quotes and $ as Excel writes them", async () => {
        const h = await factory([{ name: "Matrix", values: MATRIX }]);
        await h.port.writeOwnedSheets([reportSpec("Alignment View", [[1]])]);
        await h.port.select("Matrix!C4");
        await h.port.select("'Alignment View'!$A$1:$B$2");
        await h.port.select("B2");
      });

      it('rejects an address that is not one with "shape" and a missing sheet with "invalid-name"', async () => {
        const h = await factory([{ name: "Matrix", values: MATRIX }]);
        await expectWorkbookError(h.port.select("Matrix!nowhere"), "shape", /nowhere/);
        await expectWorkbookError(h.port.select("Curves!A1"), "invalid-name", /Curves/);
      });
    });
  });
}
