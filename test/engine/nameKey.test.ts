import { nameKey, sameName } from "../../src/engine/nameKey";

describe("nameKey: one rule for matching the names people type", () => {
  test.each([
    ["Enterprise AE", "enterprise ae"],
    ["  Enterprise AE ", "enterprise ae"],
    ["NEW LOGO\t", "new logo"],
    ["Multi  Product", "multi  product"],
    ["", ""],
  ])("%j → %j", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  test("sameName ignores case and surrounding spaces, nothing else", () => {
    expect(sameName(" Matrix", "matrix ")).toBe(true);
    expect(sameName("New Logo", "NewLogo")).toBe(false);
  });
});
