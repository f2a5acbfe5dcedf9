/**
 * A Settings value CompAlign cannot use is a warning at its cell in the alignment check (and so
 * in every action's findings), and the figures fall back to the default: the user is told why
 * their workbook reads in dollars rather than left to guess.
 */
import { runAlignmentCheck } from "../../src/actions";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type { SheetValue } from "../../src/workbook/port";
import { sixSheets } from "../scenarios/sixReps";

const withSettings = (rows: SheetValue[][]) =>
  MemoryWorkbook.fromSheets([
    ...sixSheets(),
    { name: "Settings", values: [["Setting", "Value"], ...rows] },
  ]);

test("an unknown currency and an unknown setting are warnings at their cells; USD is used", async () => {
  const check = await runAlignmentCheck(
    withSettings([
      ["Currency", "EURO"],
      ["Decimals", 2],
    ])
  );
  expect(check.figures.currency).toBe("USD");
  const settings = check.report.findings.filter((f) => f.cell?.startsWith("Settings!"));
  expect(settings).toEqual([
    expect.objectContaining({
      severity: "warning",
      rule: "invalid-value",
      cell: "Settings!B2",
      message: expect.stringContaining("Currency must be a three-letter ISO 4217 code"),
    }),
    expect.objectContaining({
      severity: "warning",
      rule: "invalid-value",
      cell: "Settings!A3",
      message: expect.stringContaining('Unknown setting "Decimals"'),
    }),
  ]);
  // Warnings only: the index is still computed.
  expect(check.report.designAlignmentIndex).not.toBeNull();
});

test("a valid Settings sheet adds no finding and its currency is used", async () => {
  const check = await runAlignmentCheck(withSettings([["Currency", "eur"]]));
  expect(check.figures.currency).toBe("EUR");
  expect(check.report.findings.filter((f) => f.cell?.startsWith("Settings!"))).toEqual([]);
});
