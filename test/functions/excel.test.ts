/**
 * The Excel side of the COMP functions: every catalogue function is associated under its
 * functions.json id, Excel's argument conventions (scalars bare, omitted optionals as null,
 * blank cells as null or "") are honoured, and error values become CustomFunctions.Error with a
 * message only where Excel can show one.
 */
import { catalog } from "../../src/functions/catalog";
import { excelFunction, toExcelResult } from "../../src/functions/excel";
import { buildFunctionsJson } from "../../src/functions/metadata";
import { CompError } from "../../src/functions/values";

const associated = (globalThis as any).CustomFunctions.__associated as Record<
  string,
  (...args: unknown[]) => unknown
>;
const byName = (name: string) => catalog.find((s) => s.name === name)!;

describe("registration", () => {
  test("every functions.json id is associated with a function, and nothing else is", () => {
    const ids = buildFunctionsJson(catalog).functions.map((f) => f.id);
    expect(Object.keys(associated).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(typeof associated[id]).toBe("function");
  });
});

/** docs/domain.md: 3% to 300k, 5% to 500k, 7% above. */
const TIERS = [
  [0, 0.03],
  [300000, 0.05],
  [500000, 0.07],
];

describe("Excel argument conventions", () => {
  test("scalar parameters arrive bare and omitted optionals as null", () => {
    const commission = associated.COMMISSION;
    expect(commission([[600000]], TIERS, null, null)).toEqual([[26000]]);
    expect((commission([[600000]], TIERS, "retro", null) as number[][])[0][0]).toBeCloseTo(
      42000,
      6
    );
    // Bounds as fractions of a 500,000 quota: 0–60% at 3%, above at 5%; 600,000 → 9,000 + 15,000.
    expect(
      commission(
        [[600000]],
        [
          [0, 0.03],
          [0.6, 0.05],
        ],
        null,
        [[500000]]
      )
    ).toEqual([[24000]]);
  });

  test("a blank quota cell is #VALUE! quota is blank, not bounds as amounts", () => {
    // quota is a matrix parameter, so Excel passes a blank cell as [[null]] (or [[""]]) and a
    // left-out quota as null.
    const tiers = [
      [0, 0.03],
      [1, 0.05],
    ];
    for (const blank of [[[null]], [[""]]]) {
      expect(associated.COMMISSION([[180000]], tiers, null, blank)).toMatchObject({
        code: "#VALUE!",
        message: expect.stringMatching(/quota is blank/),
      });
    }
    // left out: bounds are amounts, 1 × 3% + 179,999 × 5%
    const amounts = associated.COMMISSION([[180000]], tiers, null, null) as number[][];
    expect(amounts[0][0]).toBeCloseTo(8999.98, 6);
  });

  test("blank cells arrive as null or empty text and count as 0 in an element-wise amount", () => {
    const result = associated.ATTAINMENT([[null], [""], [50]], [[100], [100], [100]]);
    expect(result).toEqual([[0], [0], [0.5]]);
  });

  test("a range spills one result per element, with errors only where the element is bad", () => {
    const result = associated.ATTAINMENT(
      [[120], ["n/a"], [80]],
      [[100], [100], [0]]
    ) as unknown[][];
    expect(result[0][0]).toBeCloseTo(1.2, 12);
    expect(result[1][0]).toMatchObject({
      code: "#VALUE!",
      message: 'actual must be a number, not text "n/a"',
    });
    expect(result[2][0]).toMatchObject({ code: "#DIV/0!" });
  });
});

describe("error values", () => {
  test("#VALUE! and #N/A keep their message; #DIV/0! and #NUM! carry none", () => {
    expect(toExcelResult(new CompError("#VALUE!", "weights sum to 90%"))).toMatchObject({
      code: "#VALUE!",
      message: "weights sum to 90%",
    });
    expect(toExcelResult(new CompError("#N/A", "values has no numbers"))).toMatchObject({
      code: "#N/A",
      message: "values has no numbers",
    });
    const div = toExcelResult(new CompError("#DIV/0!", "quota is 0")) as any;
    expect(div.code).toBe("#DIV/0!");
    expect(div.message).toBe("");
    expect((toExcelResult(new CompError("#NUM!", "negative")) as any).code).toBe("#NUM!");
  });

  test("a whole-call error (bad table) is returned, not thrown", () => {
    const curve = excelFunction(byName("CURVE"));
    const result = curve(
      [[1]],
      [
        [1, 1],
        [0.5, 0],
      ],
      null,
      null
    ) as any;
    expect(result).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(
        /curve_table row 2: attainment points must be strictly ascending/
      ),
    });
  });

  test("an unknown option word lists the accepted words", () => {
    const result = associated.CURVE(
      [[1]],
      [
        [0, 0],
        [1, 1],
      ],
      "clamp",
      null
    ) as any;
    expect(result.message).toBe('beyond must be one of "CAP", "EXTEND", not text "clamp"');
  });
});
