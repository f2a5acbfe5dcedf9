import { catalog, NAMESPACE } from "../../src/functions/catalog";
import { filterFunctions } from "../../src/taskpane/filterFunctions";
import { formatSignature } from "../../src/functions/signature";

const param = (name: string, optional = false) => ({
  name,
  description: "",
  type: "any" as const,
  dimensionality: "scalar" as const,
  optional,
});

describe("formatSignature", () => {
  it("brackets optional parameters, as Excel's formula help does", () => {
    const spec = {
      name: "CURVE",
      params: [
        param("attainment"),
        param("curve_table"),
        param("beyond", true),
        param("method", true),
      ],
    };
    expect(formatSignature("COMP", spec)).toBe(
      "COMP.CURVE(attainment, curve_table, [beyond], [method])"
    );
  });

  it("writes an empty argument list for a function without parameters", () => {
    expect(formatSignature("COMP", { name: "NOW", params: [] })).toBe("COMP.NOW()");
  });

  it("matches every catalogue entry's parameter list", () => {
    for (const spec of catalog) {
      const inner = formatSignature(NAMESPACE, spec).replace(/^[^(]*\(|\)$/g, "");
      expect(inner.split(", ").filter(Boolean)).toEqual(
        spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name))
      );
    }
  });
});

describe("filterFunctions", () => {
  const specs = [
    { name: "ATTAINMENT", description: "Actual divided by quota." },
    { name: "COMMISSION", description: "Tiered commission on an amount." },
    { name: "GINI", description: "Inequality of payouts." },
  ];

  it("returns everything for an empty or blank query", () => {
    expect(filterFunctions(specs, "COMP", "")).toEqual(specs);
    expect(filterFunctions(specs, "COMP", "   ")).toEqual(specs);
  });

  it("matches name or description, case-insensitively, every word", () => {
    // Parameter text counts too: COMMISSION's tiers can be fractions of a quota.
    expect(filterFunctions(specs, "COMP", "quota").map((s) => s.name)).toEqual([
      "ATTAINMENT",
      "COMMISSION",
    ]);
    expect(filterFunctions(specs, "COMP", "comp.gini").map((s) => s.name)).toEqual(["GINI"]);
    expect(filterFunctions(specs, "COMP", "TIERED amount").map((s) => s.name)).toEqual([
      "COMMISSION",
    ]);
    // Every word must match: no function is both tiered and a Gini coefficient.
    expect(filterFunctions(specs, "COMP", "tiered gini")).toEqual([]);
  });
});
