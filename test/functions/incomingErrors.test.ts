/**
 * Error cells in element-wise inputs, through both hosts with one table of inputs: Excel (the
 * associated functions, given CustomFunctions.Error objects as `allowErrorForDataTypeAny` makes
 * Excel pass them) and the headless engine (HyperFormula, the cells holding error formulas).
 * Both give an error in the bad element only, with the same code, and the same results elsewhere.
 */
import { DetailedCellError, type CellValue, type RawCellContent } from "hyperformula";
import { catalog } from "../../src/functions/catalog";
import { fromExcelArg } from "../../src/functions/excel";
import { createEngine } from "../../src/functions/hyperformula";
import { buildFunctionsJson } from "../../src/functions/metadata";
import { CompError } from "../../src/functions/values";

const associated = (globalThis as any).CustomFunctions.__associated as Record<
  string,
  (...args: unknown[]) => unknown
>;
const ExcelError = (globalThis as any).CustomFunctions.Error as new (
  code: string,
  message?: string
) => object;

/** An error cell: how each host holds it. */
interface ErrorCell {
  error: "#N/A" | "#DIV/0!" | "#NUM!" | "#VALUE!" | "#REF!";
}
type Input = number | string | null | ErrorCell;

const HF_FORMULA: Record<ErrorCell["error"], string> = {
  "#N/A": "=NA()",
  "#DIV/0!": "=1/0",
  "#NUM!": "=SQRT(-1)",
  "#VALUE!": '="a"+1',
  "#REF!": "=#REF!",
};

interface Case {
  fn: string;
  /** Element-wise columns first, then scalar or table arguments as they are. */
  columns: Input[][];
  rest?: RawCellContent[][][];
  /** Per element: a number, or the error code that element gets. */
  expected: (number | string)[];
}

const CURVE = [
  [0, 0],
  [1, 1],
  [2, 2],
];

const CASES: Case[] = [
  {
    fn: "ATTAINMENT",
    columns: [
      [120, { error: "#N/A" }, 80],
      [100, 100, 100],
    ],
    expected: [1.2, "#N/A", 0.8],
  },
  {
    fn: "ATTAINMENT",
    columns: [
      [120, 90, 80],
      [100, { error: "#DIV/0!" }, 100],
    ],
    expected: [1.2, "#DIV/0!", 0.8],
  },
  {
    fn: "ATTAINMENT",
    columns: [
      [{ error: "#REF!" }, 90],
      [100, 100],
    ],
    expected: ["#VALUE!", 0.9],
  },
  {
    fn: "CURVE",
    columns: [[0.5, { error: "#NUM!" }, 1.5]],
    rest: [CURVE],
    expected: [0.5, "#NUM!", 1.5],
  },
  {
    fn: "PAYOUT",
    columns: [[1, { error: "#VALUE!" }]],
    rest: [CURVE, [[1000]]],
    expected: [1000, "#VALUE!"],
  },
];

function excelResult(c: Case): (number | string)[] {
  const toExcel = (v: Input) =>
    v !== null && typeof v === "object" ? new ExcelError(v.error, "") : v;
  const args: unknown[] = c.columns.map((col) => col.map((v) => [toExcel(v)]));
  for (const r of c.rest ?? []) args.push(r);
  const spec = catalog.find((s) => s.name === c.fn)!;
  while (args.length < spec.params.length) args.push(null);
  const result = associated[c.fn](...args) as unknown[][];
  return result.map((row) => {
    const v = row[0] as { code?: string } | number;
    return typeof v === "number" ? v : (v as { code: string }).code;
  });
}

function headlessResult(c: Case): (number | string)[] {
  const n = c.columns[0].length;
  const sheet: RawCellContent[][] = Array.from({ length: n }, (_, r) =>
    c.columns.map((col) => {
      const v = col[r];
      return v !== null && typeof v === "object" ? HF_FORMULA[v.error] : v;
    })
  );
  const refs = c.columns.map((_, j) => {
    const letter = String.fromCharCode(65 + j);
    return `Data!${letter}1:${letter}${n}`;
  });
  const sheets: Record<string, RawCellContent[][]> = { Data: sheet };
  (c.rest ?? []).forEach((table, k) => {
    sheets[`T${k}`] = table;
    refs.push(`T${k}!A1:${String.fromCharCode(64 + table[0].length)}${table.length}`);
  });
  const hf = createEngine({ ...sheets, Calc: [[`=COMP.${c.fn}(${refs.join(", ")})`]] });
  try {
    const calc = hf.getSheetId("Calc")!;
    return Array.from({ length: n }, (_, r) => {
      const v: CellValue = hf.getCellValue({ sheet: calc, row: r, col: 0 });
      return v instanceof DetailedCellError ? v.value : (v as number);
    });
  } finally {
    hf.destroy();
  }
}

describe("error cells in element-wise inputs: Excel and the headless engine agree", () => {
  it.each(CASES.map((c, i) => [`${c.fn} #${i + 1}`, c] as const))("%s", (_, c) => {
    const excel = excelResult(c);
    const headless = headlessResult(c);
    const round = (xs: (number | string)[]) =>
      xs.map((x) => (typeof x === "number" ? Math.round(x * 1e9) / 1e9 : x));
    expect(round(excel)).toEqual(c.expected);
    expect(round(headless)).toEqual(c.expected);
  });

  it("functions.json lets Excel pass errors into exactly the element-wise parameters", () => {
    const allowed = buildFunctionsJson(catalog).functions.flatMap((f) =>
      f.parameters.filter((p) => p.allowErrorForDataTypeAny).map((p) => `${f.id}.${p.name}`)
    );
    expect(allowed).toEqual([
      "ATTAINMENT.actual",
      "ATTAINMENT.quota",
      "CURVE.attainment",
      "PAYOUT.attainment",
      "PAYOUT.target_incentive",
      "COMMISSION.amount",
      "MATRIX.row_value",
      "MATRIX.col_value",
      "MODIFIER.value",
      "MODIFIER.measure",
      "PRORATE.amount",
      "PRORATE.period_start",
      "PRORATE.period_end",
      "PRORATE.active_start",
      "PRORATE.active_end",
    ]);
    for (const f of buildFunctionsJson(catalog).functions)
      for (const p of f.parameters) if (p.allowErrorForDataTypeAny) expect(p.type).toBe("any");
  });

  it("fromExcelArg converts error objects, keeps everything else, and copies only when needed", () => {
    const plain = [[1, "x", null]];
    expect(fromExcelArg(plain)).toBe(plain);
    const withError = [[1, new ExcelError("#N/A", "no price")]];
    const converted = fromExcelArg(withError) as unknown[][];
    expect(converted).not.toBe(withError);
    expect(converted[0][1]).toEqual(new CompError("#N/A", "no price"));
    expect(withError[0][1]).toBeInstanceOf(ExcelError);
    expect(fromExcelArg(new ExcelError("#NAME?"))).toEqual(
      new CompError("#VALUE!", "#NAME? in an argument")
    );
  });
});
