/**
 * The COMP functions inside HyperFormula (the headless engine): registration from the
 * catalogue, ranges and inline arrays, cross-sheet and absolute references, nesting in native
 * functions, spills, and errors with their messages.
 */
import { DetailedCellError, HyperFormula, type CellValue, type RawCellContent } from "hyperformula";
import { catalog, NAMESPACE } from "../../src/functions/catalog";
import { buildCompPlugin } from "../../src/functions/hfPlugin";
import {
  createEngine,
  registerCompFunctions,
  registeredFunctionNames,
} from "../../src/functions/hyperformula";
import { buildFunctionsJson } from "../../src/functions/metadata";
import type { FunctionSpec } from "../../src/functions/spec";
import { CompError } from "../../src/functions/values";

/** Evaluates one formula on a sheet holding `cells` (row-major from A1) and returns its value. */
function evaluate(formula: string, sheets: Record<string, RawCellContent[][]> = {}): CellValue {
  const hf = createEngine({ ...sheets, Calc: [[formula]] });
  try {
    return hf.getCellValue({ sheet: hf.getSheetId("Calc")!, row: 0, col: 0 });
  } finally {
    hf.destroy();
  }
}

function expectError(value: CellValue, code: string, message?: RegExp): void {
  expect(value).toBeInstanceOf(DetailedCellError);
  const error = value as DetailedCellError;
  expect(error.value).toBe(code);
  if (message) expect(error.message).toMatch(message);
}

const TABLES: RawCellContent[][] = [
  ["Bound", "Rate", null, "Attainment", "Payout"],
  [0, 0.03, null, 0.5, 0],
  [300000, 0.05, null, 1, 1],
  [500000, 0.07, null, 1.5, 2],
];

describe("registration", () => {
  it("registers exactly the functions Excel's functions.json lists (the two lists never differ)", () => {
    const excel = buildFunctionsJson(catalog).functions.map((f) => `${NAMESPACE}.${f.id}`);
    expect(registeredFunctionNames()).toEqual([...excel].sort());
  });

  it("is safe to register twice", () => {
    const first = registerCompFunctions();
    expect(registerCompFunctions()).toBe(first);
    HyperFormula.registerFunctionPlugin(first.plugin);
    expect(evaluate("=COMP.ATTAINMENT(3, 4)")).toBe(0.75);
  });

  it("accepts the names in any case", () => {
    expect(evaluate("=comp.attainment(3, 4)")).toBe(0.75);
  });
});

/** A sheet's values written as an Excel array literal ({a;b}) or a single value, for examples. */
function asExample(values: CellValue[][]): string {
  const text = (v: CellValue) =>
    typeof v === "number" ? String(Math.round(v * 1e9) / 1e9) : String(v);
  if (values.length === 1 && values[0].length === 1) return text(values[0][0]);
  return `{${values.map((row) => row.map(text).join(",")).join(";")}}`;
}

describe("COMP functions in formulas", () => {
  it.each(catalog.map((spec) => [spec.name, spec.example.formula, spec.example.result]))(
    "the catalogue's example for %s gives its documented result: %s → %s",
    (_, formula, result) => {
      const hf = createEngine({ S: [[formula]] });
      expect(asExample(hf.getSheetValues(0))).toBe(result);
      hf.destroy();
    }
  );

  it.each([
    ["inline curve table", "=COMP.PAYOUT(1.2,{0.5,0;1,1;1.5,2},20000)", 28000],
    ["STEP method after an empty argument", '=COMP.CURVE(1.2,{0.5,0;1,1;1.5,2},,"STEP")', 1],
    [
      "RETRO alias, inline tiers",
      '=COMP.COMMISSION(600000,{0,0.03;300000,0.05;500000,0.07},"RETRO")',
      42000,
    ],
    [
      "cross-sheet absolute range with a header row",
      "=COMP.COMMISSION(600000,'Rate Tables'!$A$1:$B$4)",
      26000,
    ],
    [
      "nested in MAX (above the floor)",
      "=MAX(1000,COMP.COMMISSION(600000,'Rate Tables'!$A$2:$B$4))",
      26000,
    ],
    ["nested in MAX (floor)", "=MAX(1000,COMP.COMMISSION(20000,'Rate Tables'!$A$2:$B$4))", 1000],
    ["INDEX of a draw column", "=INDEX(COMP.DRAW({3000;8000;12000},5000),3)", 12000],
    ["SUM of a draw column", "=SUM(COMP.DRAW({3000;8000;12000},5000))", 23000],
    ["SUM of a spilled element-wise result", "=SUM(COMP.ATTAINMENT({1,2,3},4))", 1.5],
    ["inside ARRAYFORMULA", "=SUM(ARRAYFORMULA(COMP.DRAW({3000;8000;12000},5000)*2))", 46000],
    [
      "a COMP result feeding another",
      "=COMP.PAYOUT(COMP.ATTAINMENT(120,100),'Rate Tables'!D2:E4,1000)",
      1400,
    ],
    ["a scalar function over a range", "=COMP.GINI({10;20;30;40})", 0.25],
    [
      "an array given to a single-value parameter: its first value, as in Excel",
      "=COMP.TOPSHARE({1;2;3},{0.2,0.9})",
      0.5,
    ],
  ])("%s", (_, formula, expected) => {
    expect(evaluate(formula, { "Rate Tables": TABLES })).toBeCloseTo(expected, 9);
  });

  it("computes a filled-down column against absolute cross-sheet tables", () => {
    const reps: RawCellContent[][] = [
      [600000, 500000, "=COMP.ATTAINMENT(A1,B1)", "=COMP.PAYOUT(C1,'Rate Tables'!$D$2:$E$4,20000)"],
      [100000, 200000, "=COMP.ATTAINMENT(A2,B2)", "=COMP.PAYOUT(C2,'Rate Tables'!$D$2:$E$4,20000)"],
      [400000, 400000, "=COMP.ATTAINMENT(A3,B3)", "=COMP.PAYOUT(C3,'Rate Tables'!$D$2:$E$4,20000)"],
    ];
    const hf = createEngine({ "Rate Tables": TABLES, Reps: reps });
    const values = hf.getSheetValues(hf.getSheetId("Reps")!);
    expect(values.map((row) => row.slice(2))).toEqual([
      [1.2, 28000],
      [0.5, 0],
      [1, 20000],
    ]);
    hf.destroy();
  });

  it("spills a range result into the cells below", () => {
    const hf = createEngine({ S: [[3000, "=COMP.DRAW(A1:A3,5000)"], [8000], [12000]] });
    expect(hf.getSheetValues(0).map((row) => row[1])).toEqual([5000, 6000, 12000]);
    expect(hf.isCellPartOfArray({ sheet: 0, row: 2, col: 1 })).toBe(true);
    hf.destroy();
  });

  it("spills element-wise, with an error only in the bad element", () => {
    const hf = createEngine({
      S: [
        [100, 200, "=COMP.ATTAINMENT(A1:A3,B1:B3)"],
        [50, 0],
        ["x", 10],
      ],
    });
    const column = hf.getSheetValues(0).map((row) => row[2]);
    expect(column[0]).toBe(0.5);
    expectError(column[1], "#DIV/0!", /quota is 0/);
    expectError(column[2], "#VALUE!", /actual must be a number, not text "x"/);
    hf.destroy();
  });

  it("reports #SPILL! when the spill range is occupied", () => {
    const hf = createEngine({ S: [["=COMP.DRAW({1;2;3},0)"], ["in the way"]] });
    expectError(hf.getCellValue({ sheet: 0, row: 0, col: 0 }), "#SPILL!");
    hf.destroy();
  });

  it("computes an expression given as an argument as an array, as Excel does", () => {
    const hf = createEngine({
      S: [[1, "=COMP.ATTAINMENT(A1:A3*2,4)", "=COMP.GINI(A1:A3*10)"], [2], [3]],
    });
    expect(hf.getSheetValues(0).map((row) => row[1])).toEqual([0.5, 1, 1.5]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toBeCloseTo(2 / 9, 12);
    hf.destroy();
  });

  it("reads dates and percentages as their numbers", () => {
    expect(
      evaluate("=SUM(COMP.ATTAINMENT(S!A1:A2,1))", { S: [["50%"], ["=DATE(2025,1,1)"]] })
    ).toBe(45658.5);
  });

  it("treats a blank cell given to an optional option word as its default", () => {
    expect(
      evaluate("=COMP.CURVE(1.2,{0.5,0;1,1;1.5,2},S!A1,S!A2)", { S: [[null], [null]] })
    ).toBeCloseTo(1.4, 12);
  });

  it("tells a blank quota cell from an omitted quota in COMP.COMMISSION", () => {
    const tiers = "{0,0.03;1,0.05;1.5,0.08}";
    // omitted: bounds are amounts (8% on all but the first 1.5)
    expect(evaluate(`=COMP.COMMISSION(180000,${tiers},,)`)).toBeCloseTo(14399.935, 6);
    expect(evaluate(`=COMP.COMMISSION(180000,${tiers})`)).toBeCloseTo(14399.935, 6);
    // given as a blank cell: not silently read as amounts
    expectError(
      evaluate(`=COMP.COMMISSION(180000,${tiers},,S!A1)`, { S: [[null]] }),
      "#VALUE!",
      /quota is blank/
    );
    // given: 180% of a 100,000 quota → 3,000 + 2,500 + 2,400
    expect(evaluate(`=COMP.COMMISSION(180000,${tiers},,S!A1)`, { S: [[100000]] })).toBeCloseTo(
      7900,
      9
    );
  });
});

describe("native functions", () => {
  it("SUMPRODUCT computes its arguments as arrays, as in Excel (marginal tiers with rate steps)", () => {
    const tiers: RawCellContent[][] = [
      [0, 0.03],
      [300000, 0.02],
      [500000, 0.02],
    ];
    const formula = "=SUMPRODUCT((600000>T!$A$1:$A$3)*(600000-T!$A$1:$A$3)*T!$B$1:$B$3)";
    expect(evaluate(formula, { T: tiers })).toBeCloseTo(26000, 9);
  });
});

describe("errors", () => {
  it.each([
    ["#DIV/0!", "=COMP.ATTAINMENT(1,0)", /quota is 0/],
    ["#NUM!", "=COMP.COMMISSION(-5,{0,0.1})", /amount -5 is negative/],
    ["#VALUE!", "=COMP.CURVE(1,{1,2;1,3})", /curve_table row 2/],
    ["#VALUE!", '=COMP.CURVE(1,{0,0;1,1},"UP")', /beyond must be one of "CAP", "EXTEND"/],
    ["#N/A", "=COMP.GINI(S!A1:A3)", /no numbers/],
    ["#N/A", "=COMP.ATTAINMENT(1)", undefined],
  ])("%s from %s", (code, formula, message) => {
    expectError(evaluate(formula, { S: [[null], ["text"], [null]] }), code, message);
  });

  it("passes an error argument on, and keeps an error inside a range to its element", () => {
    expectError(evaluate("=COMP.ATTAINMENT(1/0,1)"), "#DIV/0!");
    const hf = createEngine({ S: [["=1/0", "=COMP.DRAW(A1:A2,10)"], [20]] });
    expectError(hf.getCellValue({ sheet: 0, row: 0, col: 1 }), "#DIV/0!");
    hf.destroy();
  });

  it("turns an error from another sheet's missing range into #REF!", () => {
    expectError(evaluate("=COMP.GINI(Missing!A1:A3)"), "#REF!");
  });
});

describe("buildCompPlugin (the generated plugin, on a fake catalogue)", () => {
  const fake = (name: string, impl: FunctionSpec["impl"], rows = 2): FunctionSpec => ({
    name,
    description: "test",
    params: [{ name: "x", description: "x", type: "any", dimensionality: "matrix" }],
    result: { dimensionality: "matrix" },
    example: { formula: "", result: "" },
    errors: [],
    resultShape: () => ({ rows, cols: 1 }),
    impl,
  });
  const specs = [
    fake("TOOBIG", () => [[1], [2], [3]]),
    fake("THROWS", () => {
      throw new Error("boom");
    }),
    fake("NAN", () => NaN),
    fake("TEXT", () => "ok"),
    fake("ONE", () => [[7]], 1),
    fake("ERR", () => [[1], [new CompError("#N/A", "nothing here")]]),
    fake("BADRULE", () => 5, NaN),
  ];

  let hf: HyperFormula;
  beforeAll(() => {
    const { plugin, ids } = buildCompPlugin(specs, "TEST");
    HyperFormula.registerFunctionPlugin(plugin, {
      enGB: Object.fromEntries(ids.map((id) => [id, id])),
    });
    hf = HyperFormula.buildFromSheets(
      {
        S: [
          [
            "=TEST.TOOBIG(1)",
            "=TEST.THROWS(1)",
            "=TEST.NAN(1)",
            "=TEST.TEXT(1)",
            "=TEST.ONE(1)",
            "=TEST.ERR(1)",
            "=TEST.BADRULE(1)",
          ],
        ],
      },
      { licenseKey: "gpl-v3" }
    );
  });
  afterAll(() => hf.destroy());
  const at = (col: number, row = 0) => hf.getCellValue({ sheet: 0, row, col });

  it("names the functions <namespace>.<NAME>", () => {
    expect(buildCompPlugin(specs, "TEST").ids).toEqual(specs.map((s) => `TEST.${s.name}`));
  });
  it("turns a result bigger than its size rule into #VALUE!", () =>
    expectError(at(0), "#VALUE!", /3×1 values where 2×1/));
  it("turns an exception into #VALUE! with its message", () =>
    expectError(at(1), "#VALUE!", /TEST.THROWS failed: boom/));
  it("turns a non-finite number into #NUM!", () => expectError(at(2), "#NUM!"));
  it("passes text through", () => expect(at(3)).toBe("ok"));
  it("returns a 1×1 matrix as a value", () => expect(at(4)).toBe(7));
  it("keeps errors inside a matrix result, with their messages", () => {
    expect(at(5, 0)).toBe(1);
    expectError(at(5, 1), "#N/A", /nothing here/);
  });
  it("treats a broken size rule as one cell", () => expect(at(6)).toBe(5));
});
