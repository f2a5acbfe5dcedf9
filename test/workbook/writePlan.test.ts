import { WorkbookError, type SheetSpec } from "../../src/workbook/port";
import {
  arrangeOwnedSpecs,
  planOwnedWrites,
  refuseTakenName,
  takenTableNames,
} from "../../src/workbook/writePlan";

const spec = (name: string): SheetSpec => ({ name, blocks: [{ at: "A1", values: [["x"]] }] });

interface Sheet {
  name: string;
  owned: boolean;
  tables: string[];
}
const plan = (specs: string[], sheets: Sheet[]) =>
  planOwnedWrites(
    specs.map(spec),
    sheets,
    (s) => s.name,
    (s) => s.owned
  ).map((w) => ({ spec: w.spec.name, name: w.name, replaces: w.replaces?.name ?? null }));

describe("the adapters' shared write plan", () => {
  test("a user's sheet keeps its name: the spec takes the next free one", () => {
    const sheets = [{ name: "Pulse Check", owned: false, tables: [] }];
    expect(plan(["Pulse Check", "pulse check (2)"], sheets)).toEqual([
      { spec: "Pulse Check", name: "Pulse Check (2)", replaces: null },
      { spec: "pulse check (2)", name: "pulse check (2) (2)", replaces: null },
    ]);
  });

  test("CompAlign's own sheet of the name is replaced under the name (and case) it has", () => {
    const sheets = [
      { name: "alignment view", owned: true, tables: [] },
      { name: "Plan", owned: false, tables: [] },
    ];
    expect(plan(["Alignment View", "Scenario A"], sheets)).toEqual([
      { spec: "Alignment View", name: "alignment view", replaces: "alignment view" },
      { spec: "Scenario A", name: "Scenario A", replaces: null },
    ]);
  });

  test("one name twice in a call, or a taken name for a new sheet, is refused", () => {
    expect(() => arrangeOwnedSpecs([spec("Tab"), spec("TAB")], {})).toThrow(
      /sheet "TAB" is written twice in one call/
    );
    expect(() => refuseTakenName(spec("plan"), { name: "Plan" })).toThrow(WorkbookError);
    expect(() => refuseTakenName(spec("plan"), undefined)).not.toThrow();
  });

  test("taken table names: tables on the sheets given and the defined names", () => {
    const sheets = [{ name: "Data", owned: false, tables: ["Sales"] }];
    expect(
      takenTableNames(
        sheets,
        (s) => s.name,
        (s) => s.tables,
        [{ name: "CompAlign_Owned1" }]
      )
    ).toEqual([
      { name: "Sales", where: 'a table on sheet "Data"' },
      { name: "CompAlign_Owned1", where: "a defined name" },
    ]);
  });
});
