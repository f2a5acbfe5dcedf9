/** The settings readers report each problem as {message, cell}: the cell is not in the message. */
import { problemLine } from "../../src/engine/problem";
import { readPulseSettings } from "../../src/model/readPulseSettings";
import { readRiskSettings } from "../../src/model/readRiskSettings";
import { cli, editedCopy, tempFolder } from "../cli/helpers";

test("Pulse Settings: the cell of each problem, and none for bands that cross", () => {
  const { warnings } = readPulseSettings({
    name: "Pulse Settings",
    values: [
      ["Setting", "Value"],
      ["Quota Bias", 0.1],
      ["Min Reps Per Plan", 1],
      ["Pay Mix Low", 0.8],
      ["Pay Mix High", 0.6],
    ],
  });
  expect(warnings).toEqual([
    {
      message:
        '"Quota Bias" is not a pulse setting (see docs/workbook.md for the names), so it is not used.',
      cell: "'Pulse Settings'!A2",
    },
    {
      message:
        "Min Reps Per Plan must be a whole number of 2 or more, not 1; the default 10 is used.",
      cell: "'Pulse Settings'!B3",
    },
    {
      message:
        "Pulse Settings: Pay Mix Low (0.8) is above Pay Mix High (0.6); both are treated as not set.",
      cell: null,
    },
  ]);
  for (const w of warnings) expect(w.message).not.toContain("!");
  expect(problemLine(warnings[1])).toBe(`'Pulse Settings'!B3: ${warnings[1].message}`);
  expect(problemLine(warnings[2])).toBe(warnings[2].message);
});

test("Risk Settings: the cell of each problem", () => {
  const { warnings } = readRiskSettings({
    name: "Risk Settings",
    values: [
      ["Value", "Setting"],
      [0, "Budget"],
      [7, null],
    ],
  });
  expect(warnings).toEqual([
    {
      message: "Budget must be an amount above 0, not 0; it is treated as not set.",
      cell: "'Risk Settings'!A2",
    },
    {
      message: "the row has a value but no Setting name, so it is not used.",
      cell: "'Risk Settings'!A3",
    },
  ]);
});

describe("the CLI prints each settings problem as one line with its cell", () => {
  const { path } = tempFolder("compalign-settings-problems-");

  it("pulse and risk", async () => {
    expect((await cli("init", path("plan.xlsx"))).code).toBe(0);
    const file = await editedCopy(path("plan.xlsx"), path("bad.xlsx"), (book) => {
      book.addWorksheet("Pulse Settings").addRows([
        ["Setting", "Value"],
        ["Min Reps Per Plan", 1],
      ]);
      book.addWorksheet("Risk Settings").addRows([
        ["Setting", "Value"],
        ["Trials", 5],
      ]);
    });
    const pulse = await cli("pulse", file);
    expect(pulse.err).toContain(
      "compalign pulse: warning: 'Pulse Settings'!B2: Min Reps Per Plan must be a whole number of 2 or more, not 1; the default 10 is used."
    );
    const risk = await cli("risk", file);
    expect(risk.err).toContain(
      "compalign risk: warning: 'Risk Settings'!B2: Trials must be a whole number from 100 to 1,000,000, not 5; the default 10000 is used."
    );
  }, 120_000);
});
