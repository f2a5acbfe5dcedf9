import path from "path";
import { importGraph, importsOf, violation } from "./layerRules";

const SRC = path.join(__dirname, "..", "..", "src");

describe("layers (docs/architecture.md)", () => {
  it("no file in src/ imports across the layering", () => {
    const broken = importGraph(SRC)
      .map(violation)
      .filter((v): v is string => v !== null);
    expect(broken).toEqual([]);
  });

  it("the graph is read: src/ has hundreds of import edges", () => {
    expect(importGraph(SRC).length).toBeGreaterThan(300);
  });

  it.each([
    ["engine/curve.ts", "../workbook/port", /engine may not import workbook/],
    ["engine/curve.ts", "exceljs", /engine may not use the package exceljs/],
    ["model/readPlan.ts", "../reports/range", /model may not import reports/],
    ["cli/main.ts", "../taskpane/App", /cli may not import taskpane/],
    ["taskpane/App.tsx", "../calc/hfWorkbook", /taskpane may not import calc/],
    ["calc/hfWorkbook.ts", "../cli/calc", /calc may not import cli/],
    ["taskpane/App.tsx", "../cli/main", /taskpane may not import cli/],
    [
      "workbook/memory/memoryWorkbook.ts",
      "exceljs",
      /exceljs is used only under src\/workbook\/xlsx\//,
    ],
    ["functions/hfWorkbook.ts", "../workbook/a1", /functions may not import workbook/],
    ["reports/planPage.ts", "node:fs", /reports may not use the package fs/],
    ["cli/scenarios.ts", "../actions/runScenarios", /through src\/actions\/index.ts/],
  ])("a deliberately bad import fails: %s imports %s", (from, spec, message) => {
    expect(violation({ from, spec })).toMatch(message);
  });

  it.each([
    ["reports/planPage.ts", "../engine/curve"],
    ["workbook/xlsx/xlsxWorkbook.ts", "exceljs"],
    ["actions/runScenarios.ts", "../reports/scenarioSheets"],
    ["taskpane/App.tsx", "@fluentui/react-components"],
    ["cli/scenarios.ts", "../actions"],
    ["cli/calc.ts", "../calc/hfWorkbook"],
    ["calc/hfWorkbook.ts", "../workbook/xlsx/xlsxFormulas"],
    ["actions/runScenarios.ts", "./readPlanWorkbook"],
  ])("an allowed import passes: %s imports %s", (from, spec) => {
    expect(violation({ from, spec })).toBeNull();
  });

  it("reads import, export-from, dynamic import and require", () => {
    const text = `import a from "./a";\nexport { b } from "../b";\nconst c = import("./c");\nconst d = require("d");\nimport type {\n  E,\n} from "./e";`;
    expect(importsOf(text)).toEqual(["./a", "../b", "./c", "d", "./e"]);
  });
});
