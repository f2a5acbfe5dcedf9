/**
 * "Insert in selected cell": the action writes one formula into the selected cell, and through
 * the Office adapter (on the fake Excel) it lands in the selected cell as a formula set through
 * `range.formulas`, in its invariant form.
 */
import { insertFormula } from "../../src/actions/insertFormula";
import { catalog } from "../../src/functions/catalog";
import { runOnSelectedCell } from "../../src/workbook/office";
import { installFakeExcel } from "../workbook/officeFake/fakeExcel";
import { FakeBook } from "../workbook/officeFake/model";

describe("insertFormula", () => {
  it("writes the formula and returns the cell's address", async () => {
    const written: string[] = [];
    const result = await insertFormula(
      { writeFormula: async (f) => (written.push(f), "Sheet1!B2") },
      "  =COMP.ATTAINMENT(115000, 100000) "
    );
    expect(result).toEqual({ address: "Sheet1!B2", formula: "=COMP.ATTAINMENT(115000, 100000)" });
    expect(written).toEqual(["=COMP.ATTAINMENT(115000, 100000)"]);
  });

  it.each(["COMP.GINI(1)", "=", "=1\n=2", ""])("refuses %j, writing nothing", async (text) => {
    const written: string[] = [];
    await expect(
      insertFormula({ writeFormula: async (f) => (written.push(f), "A1") }, text)
    ).rejects.toThrow(/is not a formula: it must be one line starting with =/);
    expect(written).toEqual([]);
  });
});

describe("through the Office adapter (fake Excel)", () => {
  it("sets range.formulas of the selected cell in one sync, in the invariant form", async () => {
    const book = FakeBook.with({ Plan: [["Rep", "Payout"]] });
    book.selection = { sheet: "Plan", address: "C4:D6" };
    const excel = installFakeExcel(book);
    try {
      const formula = catalog.find((s) => s.name === "PAYOUT")!.example.formula;
      expect(formula).toContain(","); // the invariant separator, whatever the user's locale
      const result = await runOnSelectedCell((cell) => insertFormula(cell, formula));
      expect(result.address).toBe("Plan!C4");
      expect(book.sheet("Plan").peek("C4")?.formula).toBe(formula);
      expect(excel.syncs).toHaveLength(1);
      expect(excel.syncs[0].ops.some((op) => op.startsWith("range.formulas"))).toBe(true);
    } finally {
      excel.restore();
    }
  });
});
