import { nameKey, sameName } from "../../src/engine/nameKey";

describe("nameKey: one rule for matching the names people type", () => {
  test("case and surrounding spaces are ignored, inner spaces kept", () => {
    const keys = ["Enterprise AE", "  Enterprise AE ", "NEW LOGO\t", "Multi  Product", ""].map(
      nameKey
    );
    expect(keys).toEqual(["enterprise ae", "enterprise ae", "new logo", "multi  product", ""]);
  });

  test("sameName ignores case and surrounding spaces, nothing else", () => {
    expect(sameName(" Matrix", "matrix ")).toBe(true);
    expect(sameName("New Logo", "NewLogo")).toBe(false);
  });
});
