/**
 * Excel holds numbers up to ±1.8e308 and never shows NaN or Infinity: a COMP result is only ever
 * a finite number, a CompError, or a matrix of them (issue 2 §4, "nothing but a CustomFunctions
 * error ever comes out"). These inputs are legal worksheet values whose naive arithmetic
 * overflows. The contract does not name the code; Excel's own arithmetic answers #NUM! on
 * overflow (=1E300/1E-10), so any CompError is accepted here — only NaN/±Infinity fail.
 */
import { asMatrix, comp, CompError } from "../../helpers/comp";
import type { Plain } from "../../helpers/comp";

const C: Plain = [
  [0.5, 0.5],
  [1.0, 1.0],
  [1.5, 2.0],
];

function expectFiniteOrError(name: string, args: Plain[]): void {
  const result = comp(name, ...args);
  for (const row of asMatrix(result)) {
    for (const v of row) {
      if (v instanceof CompError) continue;
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new Error(`COMP.${name} returned ${String(v)}: a worksheet never shows NaN/Infinity`);
      }
    }
  }
}

test.each<[string, string, Plain[]]>([
  // 1e300 / 1e-10 = 1e310 > 1.8e308
  ["ATTAINMENT", "quotient overflows", [1e300, 1e-10]],
  ["ATTAINMENT", "subnormal quota", [1, 5e-324]],
  // 2 × 1e308
  ["CURVE", "EXTEND slope × huge attainment", [1e308, C, "EXTEND"]],
  ["PAYOUT", "target incentive × rate 2", [1.5, C, 1e308]],
  ["COMMISSION", "retroactive rate 2 × 1e308", [1e308, [[0, 2]], "RETRO"]],
  ["COMMISSION", "marginal rate 2 × 1e308", [1e308, [[0, 2]]]],
  ["WEIGHTED", "target incentive × rate 2", [[[1.5, 1.5]], [[0.5, 0.5]], C, 1e308]],
  ["MODIFIER", "value × multiplier 2", [1e308, 0.5, [[0.3, 2]]]],
  // balance after two shortfalls = 2e308
  ["DRAW", "balance of two huge shortfalls", [[0, 0], 1e308, true, "BALANCE"]],
  ["DRAW", "paid after two huge shortfalls", [[0, 0, 1.7e308], 1e308, true, "PAID"]],
  // Σ values = 2e308
  ["GINI", "sum of values overflows", [[0, 1e308, 1e308]]],
  ["TOPSHARE", "sum of values overflows", [[1e308, 1e308, 1], 0.5]],
  [
    "ALIGNMENT",
    "sum of priorities overflows",
    [
      [1e308, 1e308],
      [1, 1],
    ],
  ],
  ["PRORATE", "huge amount", [1e308, 45292, 45322, 45300]],
])("COMP.%s: %s → a finite number or an error, never NaN/Infinity", (name, _what, args) => {
  expectFiniteOrError(name, args);
});

test("GINI of [0, 1e308, 1e308] is 1/3 or an error (never NaN)", () => {
  // Σ|x_i − x_j| = 4e308 over ordered pairs; 2 n² μ = 2 × 9 × (2e308/3) = 12e308 → 1/3
  const result = comp("GINI", [0, 1e308, 1e308]);
  const v = asMatrix(result)[0][0];
  if (!(v instanceof CompError)) expect(v).toBeCloseTo(1 / 3, 12);
});

test("ALIGNMENT of two huge equal priorities against equal pay is 1 (or an error)", () => {
  // shares 0.5/0.5 on both sides → min(0.5, 0.5) + min(0.5, 0.5) = 1, though Σp = 2e308 overflows
  const v = asMatrix(comp("ALIGNMENT", [1e308, 1e308], [1, 1]))[0][0];
  if (!(v instanceof CompError)) expect(v).toBeCloseTo(1, 12);
});
