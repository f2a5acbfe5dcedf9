/**
 * `compalign calc` end to end: the real `node bin/compalign.js` on a workbook built here with
 * exceljs (calcWorkbook.ts), checked against hand-worked values, the --out round trip, the
 * exit-2 cases, and that the input file is never modified.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Workbook } from "exceljs";
import { buildCalcWorkbook, EXPECTED } from "./calcWorkbook";
import { compalign, ensureCompiledCli, ROOT } from "./compiledCli";

let dir: string;
let input: string;
let inputHash: string;

const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

function expectValues(actual: Record<string, unknown>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(EXPECTED).sort());
  for (const [key, expected] of Object.entries(EXPECTED)) {
    if (typeof expected === "number")
      expect([key, actual[key]]).toEqual([key, expect.closeTo(expected, 9)]);
    else expect([key, actual[key]]).toEqual([key, expected]);
  }
}

/** Runs calc expecting success; returns the parsed JSON and checks stdout held only that. */
function calcJson(...args: string[]): Record<string, unknown> {
  const run = compalign("calc", ...args);
  expect(run.stderr).toMatch(/formulas in 3 sheets evaluated/);
  // Every formula here is one the engine computes: the last line says none was left out.
  expect(run.stderr.trimEnd().split("\n").pop()).toMatch(
    /^compalign calc: all \d+ formulas recomputed, none unsupported$/
  );
  expect(run.status).toBe(0);
  const parsed = JSON.parse(run.stdout);
  expect(run.stdout).toBe(`${JSON.stringify(parsed)}\n`);
  return parsed;
}

async function readBack(path: string): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

beforeAll(async () => {
  ensureCompiledCli();
  dir = mkdtempSync(join(tmpdir(), "compalign-calc-"));
  input = join(dir, "plan.xlsx");
  await buildCalcWorkbook().xlsx.writeFile(input);
  inputHash = hash(input);
}, 180_000);

afterAll(() => {
  if (input) expect(hash(input)).toBe(inputHash); // every run above left the input as it was
  rmSync(dir, { recursive: true, force: true });
});

describe("the test workbook", () => {
  it("stores the filled-down formulas once (shared formulas)", async () => {
    const ws = (await readBack(input)).getWorksheet("Reps")!;
    expect(ws.getCell("D2").value).toMatchObject({
      formula: "_xldudf_COMP_ATTAINMENT(B2,C2)",
      shareType: "shared",
      ref: "D2:D5",
    });
    for (const address of ["D3", "D4", "D5"]) {
      const value = ws.getCell(address).value as unknown as Record<string, unknown>;
      expect(value.sharedFormula).toBe("D2");
      expect(value).not.toHaveProperty("formula");
    }
  });
});

describe("calc --json", () => {
  it("prints one JSON object with every formula cell's value, worked by hand", () => {
    expectValues(calcJson(input, "--json"));
  });

  it("prints the same JSON when neither --json nor --out is given", () => {
    expectValues(calcJson(input));
  });
});

describe("calc --out", () => {
  let out: string;
  let written: Workbook;

  beforeAll(async () => {
    out = join(dir, "plan-calculated.xlsx");
    const run = compalign("calc", input, "--out", out);
    expect(run.stderr).toContain(`wrote ${out}`);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    written = await readBack(out);
  });

  const cell = (sheet: string, address: string) => written.getWorksheet(sheet)!.getCell(address);

  it("keeps every formula and caches its value", () => {
    expect(cell("Reps", "F2").value).toEqual({
      formula: "_xldudf_COMP_PAYOUT(D2,'Rate Tables'!$D$2:$E$4,G2)",
      result: 28000,
    });
    expect(cell("Reps", "E2").value).toMatchObject({
      formula: "COMP.COMMISSION(B2,'Rate Tables'!$A$1:$B$4)",
      result: 26000,
    });
    expect(cell("Checks", "I2").value).toMatchObject({ result: "3/4/TRUE/TRUE" });
  });

  it("writes each cell of a filled-down formula with its own formula and value", () => {
    expect(cell("Reps", "D2").value).toEqual({
      formula: "_xldudf_COMP_ATTAINMENT(B2,C2)",
      result: 1.2,
    });
    expect(cell("Reps", "D3").value).toEqual({
      formula: "_xldudf_COMP_ATTAINMENT(B3,C3)",
      result: 0.5,
    });
    expect(cell("Reps", "E4").value).toEqual({
      formula: "COMP.COMMISSION(B4,'Rate Tables'!$A$1:$B$4)",
      result: 14000,
    });
  });

  it("writes error results as error values", () => {
    expect(cell("Reps", "D5").value).toEqual({
      formula: "_xldudf_COMP_ATTAINMENT(B5,C5)",
      result: { error: "#DIV/0!" },
    });
    expect(cell("Checks", "A4").value).toMatchObject({ result: { error: "#VALUE!" } });
  });

  it("writes a spilled result as an array formula over its range", () => {
    expect(cell("Checks", "C1").value).toMatchObject({
      formula: "COMP.DRAW({3000;8000;12000},5000)",
      shareType: "array",
      ref: "C1:C3",
      result: 5000,
    });
    expect(cell("Checks", "C2").value).toBe(6000);
    expect(cell("Checks", "C3").value).toBe(12000);
  });

  it("keeps an array formula from the file over its range", () => {
    expect(cell("Checks", "K1").value).toMatchObject({
      formula: "L1:L2*2",
      shareType: "array",
      ref: "K1:K3",
      result: 2,
    });
    expect(cell("Checks", "K2").value).toBe(4);
    expect(cell("Checks", "K3").value).toEqual({ error: "#N/A" });
    expect(cell("Checks", "M2").value).toBe(0.5);
  });

  it("keeps styles, constants and the other sheets", () => {
    expect(cell("Reps", "E2").font).toMatchObject({ bold: true });
    expect(cell("Reps", "E2").numFmt).toBe("#,##0.00");
    expect(cell("Rate Tables", "B4").value).toBe(0.07);
    expect(cell("Checks", "F2").value).toMatchObject({
      text: "site",
      hyperlink: "https://example.com",
    });
    expect(written.worksheets.map((ws) => ws.name)).toEqual(["Rate Tables", "Reps", "Checks"]);
    expect(written.definedNames.getRanges("Tiers").ranges).toEqual(["'Rate Tables'!$A$2:$B$4"]);
  });

  // LibreOffice (Debian's libreoffice-calc) reads the file independently; it cannot compute
  // COMP functions, so what it shows for them is the cached value. It recalculates cells
  // whose cached value is an error, so those are left out. Skipped when it is not installed.
  const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
  (soffice ? it : it.skip)(
    "shows its cached values in LibreOffice",
    () => {
      const profile = `file://${join(dir, "lo-profile")}`;
      const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2";
      const args = [
        "--headless",
        "--norestore",
        `-env:UserInstallation=${profile}`,
        "--convert-to",
        filter,
      ];
      const run = spawnSync("soffice", [...args, "--outdir", join(dir, "csv"), out], {
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(run.status).toBe(0);
      const csv = readFileSync(join(dir, "csv", "plan-calculated-Reps.csv"), "utf8")
        .trim()
        .split("\n");
      expect(csv.slice(0, 4)).toEqual([
        "Rep,Sales,Quota,Attainment,Commission,Payout,Target,Floor",
        "Ana,600000,500000,1.2,26000,28000,20000,26000",
        "Ben,100000,200000,0.5,3000,0,10000,3000",
        "Cy,400000,400000,1,14000,15000,15000,14000",
      ]);
    },
    150_000
  );

  it("gives the same values when calculated again (the spill is now an array formula over C1:C3)", () => {
    const again = calcJson(out, "--json");
    expect([again["Checks!C2"], again["Checks!C3"]]).toEqual([6000, 12000]);
    delete again["Checks!C2"];
    delete again["Checks!C3"];
    expectValues(again);
  });

  it("prints JSON and writes the file when given both", () => {
    const both = join(dir, "both.xlsx");
    expectValues(calcJson(input, "--json", "--out", both));
    expect(hash(both)).toHaveLength(64);
  });
});

describe("exit status 2 with one line on stderr", () => {
  it.each([
    ["a missing input", () => [join(dir, "nope.xlsx")], /cannot read .*nope\.xlsx: no such file/],
    ["a directory as input", () => [dir], /not a file/],
    [
      "an input that is not an xlsx file",
      () => [join(ROOT, "package.json")],
      /cannot read .*package\.json as an \.xlsx workbook/,
    ],
    ["--out naming the input", () => [input, "--out", input], /is the input file/],
    [
      "--out naming the input by a relative path",
      () => [input, "--out", relative(ROOT, input)],
      /is the input file/,
    ],
    [
      "an unknown option",
      () => [input, "--jsn"],
      /unknown option --jsn \(usage: compalign calc IN\.xlsx/,
    ],
    ["--out without a value", () => [input, "--out"], /--out needs a value/],
    ["two inputs", () => [input, input], /expected one input file, got 2/],
    ["no input", () => [], /expected one input file, got 0/],
  ])("%s", (_, args, message) => {
    const run = compalign("calc", ...(args as () => string[])());
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("--out naming a hard link to the input", () => {
    const link = join(dir, "link.xlsx");
    linkSync(input, link);
    const run = compalign("calc", input, "--out", link);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is the input file/);
  });

  it("an unknown command", () => {
    const run = compalign("recalc", input);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'compalign: unknown command "recalc" (commands: calc, init, check, scenarios, pulse, explain, risk, demo; see compalign --help)'
    );
  });

  it("a corrupt xlsx file", () => {
    const corrupt = join(dir, "corrupt.xlsx");
    writeFileSync(corrupt, readFileSync(input).subarray(0, 200));
    const run = compalign("calc", corrupt, "--json");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("other failures", () => {
  it("exit status 2 with one line, before computing, when the output's folder does not exist", () => {
    const run = compalign("calc", input, "--out", join(dir, "missing-dir", "out.xlsx"));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n").pop()).toMatch(
      /^compalign calc: cannot write .*missing-dir.*out\.xlsx: the folder .*missing-dir does not exist$/
    );
  });
});

describe("help", () => {
  it("prints the usage with exit status 0", () => {
    const run = compalign("--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/compalign calc IN\.xlsx \[--out OUT\.xlsx\] \[--json\]/);
    const calc = compalign("calc", "--help");
    expect(calc.stdout).toMatch(/--json/);
    expect(calc.status).toBe(0);
  });
});
