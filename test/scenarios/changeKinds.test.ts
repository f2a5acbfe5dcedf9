/**
 * The change-kind table (src/engine/changeKinds.ts) is the one place a kind's Value range is
 * written. The engine and the pane's form both read it; test/taskpane/scenarioRow.test.ts checks,
 * kind by kind, that both enforce its range and that the form offers the kind.
 */
import fs from "fs";
import path from "path";
import { CHANGE_KINDS, CHANGE_TYPES } from "../../src/engine/changeKinds";

describe("the change-kind table", () => {
  it("lists each kind once, with the ranges the docs describe", () => {
    expect(new Set(CHANGE_TYPES).size).toBe(CHANGE_KINDS.length);
    expect(
      Object.fromEntries(
        CHANGE_KINDS.map((k) => [
          k.id,
          k.value && [k.value.kind, k.value.min, k.value.max, k.value.exclusiveMin],
        ])
      )
    ).toEqual({
      "shift-weight": ["share", 0, 1, false],
      "set-weight": ["share", 0, 1, false],
      "set-curve": null,
      "scale-ti": ["multiplier", 0, Infinity, false],
      "scale-quota": ["multiplier", 0, Infinity, true],
      "scale-actual": ["multiplier", 0, Infinity, false],
    });
  });

  it("every kind is documented in docs/workbook.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "workbook.md"), "utf8");
    for (const id of CHANGE_TYPES)
      expect({ id, documented: doc.includes(`\`${id}\``) }).toEqual({ id, documented: true });
  });
});
