/**
 * Golden test of the generated functions.json: a change to the catalogue that changes what
 * Excel sees (a name, a parameter, its order or optionality) must be deliberate. Regenerate
 * with UPDATE_GOLDEN=1 npx jest test/functions/metadata.test.ts and review the diff.
 */
import fs from "node:fs";
import path from "node:path";
import { catalog, NAMESPACE } from "../../src/functions/catalog";
import { buildFunctionsJson } from "../../src/functions/metadata";

const goldenPath = path.join(__dirname, "golden", "functions.json");

test("functions.json matches the golden copy", () => {
  const generated = JSON.stringify(buildFunctionsJson(catalog), null, 2) + "\n";
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(goldenPath, generated);
  expect(generated).toBe(fs.readFileSync(goldenPath, "utf8"));
});

test("the contract's names and argument order are exactly as issued", () => {
  const signatures = Object.fromEntries(
    buildFunctionsJson(catalog).functions.map((f) => [
      f.id,
      f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", "),
    ])
  );
  expect(signatures).toEqual({
    ATTAINMENT: "actual, quota",
    CURVE: "attainment, curve_table, [beyond], [method]",
    PAYOUT: "attainment, curve_table, target_incentive, [beyond], [method]",
    COMMISSION: "amount, rate_table, [method], [quota]",
    WEIGHTED: "attainments, weights, curve_tables, target_incentive, [beyond], [method]",
    MATRIX: "row_value, col_value, matrix_table, [method]",
    MODIFIER: "value, measure, modifier_table",
    PRORATE: "amount, period_start, period_end, active_start, [active_end], [basis]",
    DRAW: "earnings, draw, [recoverable], [output]",
    GINI: "values",
    TOPSHARE: "values, [top_fraction]",
    ALIGNMENT: "priorities, pay",
  });
  expect(NAMESPACE).toBe("COMP");
});

test("metadata is well-formed for Excel: upper-case unique ids, optional parameters last, help text present", () => {
  const { functions } = buildFunctionsJson(catalog);
  expect(new Set(functions.map((f) => f.id)).size).toBe(functions.length);
  for (const f of functions) {
    expect(f.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(f.name).toBe(f.id);
    expect(f.description.length).toBeGreaterThan(20);
    const firstOptional = f.parameters.findIndex((p) => p.optional);
    if (firstOptional >= 0)
      expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    for (const p of f.parameters) {
      expect(p.name).toMatch(/^[a-z][a-z_]*$/);
      expect(["any", "number", "string", "boolean"]).toContain(p.type);
      expect(p.description.length).toBeGreaterThan(10);
    }
  }
});
