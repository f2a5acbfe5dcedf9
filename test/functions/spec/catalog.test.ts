/**
 * The catalogue's names and argument order are fixed by the contract (issue 2 §2).
 */
import { catalog, NAMESPACE } from "../../../src/functions/catalog";

const CONTRACT: [string, string[]][] = [
  ["ATTAINMENT", ["actual", "quota"]],
  ["CURVE", ["attainment", "curve_table", "[beyond]", "[method]"]],
  ["PAYOUT", ["attainment", "curve_table", "target_incentive", "[beyond]", "[method]"]],
  ["COMMISSION", ["amount", "rate_table", "[method]", "[quota]"]],
  [
    "WEIGHTED",
    ["attainments", "weights", "curve_tables", "target_incentive", "[beyond]", "[method]"],
  ],
  ["MATRIX", ["row_value", "col_value", "matrix_table", "[method]"]],
  ["MODIFIER", ["value", "measure", "modifier_table"]],
  ["PRORATE", ["amount", "period_start", "period_end", "active_start", "[active_end]", "[basis]"]],
  ["DRAW", ["earnings", "draw", "[recoverable]", "[output]"]],
  ["GINI", ["values"]],
  ["TOPSHARE", ["values", "[top_fraction]"]],
  ["ALIGNMENT", ["priorities", "pay"]],
];

test('the namespace is "COMP"', () => {
  expect(NAMESPACE).toBe("COMP");
});

test("the catalogue holds exactly the contract's functions", () => {
  expect(catalog.map((s) => s.name).sort()).toEqual(CONTRACT.map(([name]) => name).sort());
});

test.each(CONTRACT)("COMP.%s parameters and optionality", (name, params) => {
  const spec = catalog.find((s) => s.name === name)!;
  expect(spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name))).toEqual(params);
});

test.each(CONTRACT)("COMP.%s is described (description, example, errors, impl)", (name) => {
  const spec = catalog.find((s) => s.name === name)!;
  expect(spec.description.length).toBeGreaterThan(10);
  expect(spec.example.formula).toMatch(new RegExp(`^=COMP\\.${name}\\(`));
  expect(typeof spec.impl).toBe("function");
  for (const p of spec.params) expect(p.description.length).toBeGreaterThan(3);
});
