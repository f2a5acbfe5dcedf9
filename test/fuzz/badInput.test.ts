/**
 * Fuzzing the starter workbook (iss14): random cells of Objectives, Matrix, Curves, Reps and
 * Scenarios become blanks, huge or negative numbers, text, number-like text, logicals, dates,
 * formulas saved without a result, or other headers. The invariant, for every command's action:
 *
 * - it either succeeds, or stops with an ActionError whose message is plain words (no JavaScript
 *   error, no internal block, no Infinity/NaN); nothing else is ever thrown;
 * - a scenario run that succeeds reports only finite figures, and when the plan has no error
 *   finding, its Baseline equals this file's own payout loop (its own reading of the sheets, its
 *   own curve), rep for rep: the same reps left out, the same total;
 * - a rep the engine leaves out is a data issue with a reason; a value the loop cannot use is a
 *   check finding (warning or error) naming its cell.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { ActionError } from "../../src/actions/errors";
import { runAlignmentCheck } from "../../src/actions/checkAlignment";
import { explainPlans } from "../../src/actions/explainPlans";
import { computePulse } from "../../src/actions/pulseCheck";
import { PlanHasErrorsError } from "../../src/actions/planGate";
import { runScenarioAction } from "../../src/actions/runScenarios";
import { main } from "../../src/cli/main";
import { setupWorkbook } from "../../src/actions/setupWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type {
  AppendRow,
  CellNote,
  SheetData,
  SheetSpec,
  SheetValue,
  WorkbookPort,
} from "../../src/workbook/port";
import { INTERNAL_TEXT } from "../helpers/internalText";

jest.setTimeout(600_000);

const SHEETS = ["Objectives", "Matrix", "Curves", "Reps", "Scenarios"] as const;
let STARTER: Record<string, SheetValue[][]>;

beforeAll(async () => {
  const book = new MemoryWorkbook();
  await setupWorkbook(book);
  const read = await book.readSheets([...SHEETS]);
  STARTER = Object.fromEntries(read.map((s) => [s!.name, s!.values]));
});

/** A memory workbook whose reads carry cell notes (dates, formulas without a result), as .xlsx files do. */
class NotedBook implements WorkbookPort {
  constructor(
    readonly inner: MemoryWorkbook,
    readonly notes: Record<string, Record<string, CellNote>>
  ) {}
  sheetNames = () => this.inner.sheetNames();
  async readSheets(names: string[]): Promise<(SheetData | null)[]> {
    const read = await this.inner.readSheets(names);
    return read.map((s) => (s && this.notes[s.name] ? { ...s, notes: this.notes[s.name] } : s));
  }
  ownedSheets = () => this.inner.ownedSheets();
  createSheet = (spec: SheetSpec) => this.inner.createSheet(spec);
  writeOwnedSheets = (specs: SheetSpec[]) => this.inner.writeOwnedSheets(specs);
  deleteOwnedSheets = (names: string[]) => this.inner.deleteOwnedSheets(names);
  appendRows = (sheet: string, rows: readonly AppendRow[]) => this.inner.appendRows(sheet, rows);
  select = (address: string) => this.inner.select(address);
}

interface Mutation {
  sheet: (typeof SHEETS)[number];
  row: number;
  col: number;
  value: SheetValue;
  note?: CellNote;
}

const cellValue: fc.Arbitrary<{ value: SheetValue; note?: CellNote }> = fc.oneof(
  fc.constant({ value: null }),
  fc
    .constantFrom(1e300, -1e300, 1e16, 1e15, -1, 0, 1e-300, 45658, 40, 100, 0.5, 1.5)
    .map((value) => ({ value })),
  fc
    .double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true })
    .map((value) => ({ value })),
  fc
    .constantFrom(
      "n/a",
      "40%",
      "1,200",
      "$5,000",
      " ",
      "=1+1",
      "-",
      "Standard",
      "Account Executive",
      "Enterprise"
    )
    .map((value) => ({ value })),
  fc.string({ maxLength: 6 }).map((value) => ({ value })),
  fc.boolean().map((value) => ({ value })),
  fc.constant({ value: 45658, note: "date" as const }),
  fc.constant({ value: null, note: "uncached-formula" as const })
);

const headerValue = fc.constantFrom(
  "Weight",
  "Wieght",
  "Target Incentive",
  "Plan",
  "Cloud ARR Quota",
  "Cloud ARR Actual",
  "Rep",
  "Curve",
  "Segment",
  "Scenario",
  ""
);

const mutation: fc.Arbitrary<Mutation> = fc
  .record({
    sheet: fc.constantFrom(...SHEETS),
    row: fc.oneof(fc.constant(0), fc.nat(10)),
    col: fc.nat(14),
    cell: cellValue,
    header: headerValue,
  })
  .map(({ sheet, row, col, cell, header }) =>
    row === 0 ? { sheet, row, col, value: header } : { sheet, row, col, ...cell }
  );

function build(mutations: Mutation[], withScenarios: boolean) {
  const values = Object.fromEntries(
    Object.entries(STARTER).map(([k, v]) => [k, v.map((r) => [...r])])
  );
  const notes: Record<string, Record<string, CellNote>> = {};
  for (const m of mutations) {
    const sheet = values[m.sheet];
    while (sheet.length <= m.row) sheet.push(new Array(sheet[0].length).fill(null));
    const width = Math.max(sheet[0].length, m.col + 1);
    for (const r of sheet) while (r.length < width) r.push(null);
    sheet[m.row][m.col] = m.value;
    const key = `${m.row},${m.col}`;
    if (m.note) (notes[m.sheet] ??= {})[key] = m.note;
    else if (notes[m.sheet]) delete notes[m.sheet][key];
  }
  const sheets = SHEETS.filter((s) => withScenarios || s !== "Scenarios").map((name) => ({
    name,
    values: values[name],
  }));
  return { book: new NotedBook(MemoryWorkbook.fromSheets(sheets), notes), values, notes };
}

// ----- an independent payout loop ----------------------------------------------------------------

const norm = (v: SheetValue) =>
  String(v ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();

function table(values: SheetValue[][], notes: Record<string, CellNote> = {}) {
  const header = values[0].map(norm);
  const col = (h: string) => header.indexOf(h.toLowerCase());
  const rows = values
    .map((r, i) => ({ r, i }))
    .slice(1)
    .filter(({ r }) => r.some((v) => v !== null && !(typeof v === "string" && v.trim() === "")));
  const num = (row: { r: SheetValue[]; i: number }, h: string): number | null => {
    const c = col(h);
    if (c < 0) return null;
    const v = row.r[c];
    if (notes[`${row.i},${c}`]) return null;
    return typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= 1e15 ? v : null;
  };
  const txt = (row: { r: SheetValue[]; i: number }, h: string) =>
    col(h) < 0 ? "" : norm(row.r[col(h)]);
  return { rows, num, txt, has: (h: string) => col(h) >= 0 };
}

function rate(
  points: number[],
  rates: number[],
  method: string,
  beyond: string,
  a: number
): number {
  let i = -1;
  for (let k = 0; k < points.length; k++) if (points[k] <= a) i = k;
  if (i < 0) return 0;
  const last = points.length - 1;
  if (method === "step") return rates[i];
  if (i === last) {
    if (beyond !== "extend" || last === 0) return rates[last];
    const slope = (rates[last] - rates[last - 1]) / (points[last] - points[last - 1]);
    return Math.max(0, rates[last] + (a - points[last]) * slope);
  }
  return rates[i] + ((a - points[i]) / (points[i + 1] - points[i])) * (rates[i + 1] - rates[i]);
}

/** Baseline payout of every rep (null: left out), from the sheets alone. */
function ownBaseline(
  values: Record<string, SheetValue[][]>,
  notes: Record<string, Record<string, CellNote>>
) {
  const matrix = table(values.Matrix, notes.Matrix);
  const curves = table(values.Curves, notes.Curves);
  const reps = table(values.Reps, notes.Reps);
  const curveDefs = new Map<
    string,
    { points: number[]; rates: number[]; method: string; beyond: string }
  >();
  for (const row of curves.rows) {
    const k = curves.txt(row, "Curve");
    if (!curveDefs.has(k))
      curveDefs.set(k, { points: [], rates: [], method: "linear", beyond: "cap" });
    const c = curveDefs.get(k)!;
    c.points.push(curves.num(row, "Attainment")!);
    c.rates.push(curves.num(row, "Payout")!);
    if (curves.txt(row, "Method")) c.method = curves.txt(row, "Method");
    if (curves.txt(row, "Beyond")) c.beyond = curves.txt(row, "Beyond");
  }
  const plans = new Map<string, { metric: string; weight: number; curve: string }[]>();
  for (const row of matrix.rows) {
    const p = matrix.txt(row, "Plan");
    if (!plans.has(p)) plans.set(p, []);
    plans.get(p)!.push({
      metric: matrix.txt(row, "Metric"),
      weight: matrix.num(row, "Weight")!,
      curve: matrix.txt(row, "Curve"),
    });
  }
  return reps.rows.map((row) => {
    const comps = plans.get(reps.txt(row, "Plan"));
    const ti = reps.num(row, "Target Incentive");
    if (!comps || ti === null || ti < 0) return null;
    for (const h of ["Base Salary", "Revenue", "Gross Margin"])
      if (reps.has(h) && reps.num(row, h) === null) return null;
    let total = 0;
    for (const c of comps) {
      if (!(c.weight > 0)) continue;
      const q = reps.num(row, `${c.metric} Quota`);
      const x = reps.num(row, `${c.metric} Actual`);
      if (q === null || !(q > 0) || x === null) return null;
      const curve = curveDefs.get(c.curve)!;
      total += ti * c.weight * rate(curve.points, curve.rates, curve.method, curve.beyond, x / q);
    }
    return total;
  });
}

// ----- the properties ---------------------------------------------------------------------------

function expectPlain(e: unknown, where: string) {
  if (!(e instanceof ActionError))
    throw new Error(`${where} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  for (const pattern of INTERNAL_TEXT)
    if (pattern.test(e.message))
      throw new Error(`${where}: internal text ${pattern} in "${e.message}"`);
}

async function attempt<T>(where: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (e) {
    expectPlain(e, where);
    return null;
  }
}

const finiteDeep = (value: unknown): boolean =>
  typeof value === "number"
    ? Number.isFinite(value)
    : value && typeof value === "object"
      ? Object.values(value).every(finiteDeep)
      : true;

let exact = 0;
let blocked = 0;
let stopped = 0;

test("2,000 mutated workbooks: a correct result, a finding or a plain message; never an internal one", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 5 }), async (mutations) => {
      const { book, values, notes } = build(mutations, false);
      const check = await attempt("check", () => runAlignmentCheck(book));
      await attempt("explain", () => explainPlans(book));
      const pulse = await attempt("pulse", () => computePulse(book, { today: "2026-01-31" }));
      if (pulse) expect(finiteDeep(pulse.pulse.figures)).toBe(true);
      const errors = check?.report.findings.filter((f) => f.severity === "error") ?? [];
      let gated = false;
      const result = await attempt("scenarios", () =>
        runScenarioAction(book).catch((e) => {
          gated = e instanceof PlanHasErrorsError;
          throw e;
        })
      );
      // The plan gate refuses exactly the plans check finds errors in: nothing computed from them.
      if (gated) {
        expect(errors.length).toBeGreaterThan(0);
        blocked++;
        return;
      }
      if (!result) {
        stopped++;
        return;
      }
      for (const s of result.run.scenarios) expect(finiteDeep(s.figures)).toBe(true);
      if (!check) throw new Error("check stopped where scenarios ran");
      expect(errors).toEqual([]);
      // A clean plan: the Baseline is exactly this file's own loop, rep for rep.
      const own = ownBaseline(values, notes);
      const baseline = result.run.scenarios[0];
      expect(baseline.name).toBe("Baseline");
      const included = Array.from(result.run.included);
      expect(included).toEqual(own.map((p) => (p === null ? 0 : 1)));
      own.forEach((p, i) => {
        if (p !== null) expect(baseline.reps.payout[i]).toBeCloseTo(p, 6);
      });
      const total = own.reduce<number>((s, p) => s + (p ?? 0), 0);
      expect(Math.abs(baseline.figures.totalPayout - total)).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(total))
      );
      // Every rep left out says why; every unusable Reps value is a check finding.
      expect(result.run.dataIssues.length).toBe(included.filter((v) => v === 0).length);
      if (result.run.dataIssues.length > 0)
        expect(check.report.findings.some((f) => f.cell?.startsWith("Reps!"))).toBe(true);
      exact++;
    }),
    { numRuns: 2000, seed: 14 }
  );
  // The mix is meaningful: many runs compared exactly, many blocked by findings, some stopped.
  expect(exact).toBeGreaterThan(200);
  expect(blocked).toBeGreaterThan(200);
  expect(stopped).toBeGreaterThan(50);
});

test("500 mutated Scenarios sheets: every scenario runs with finite figures or is invalid with a reason", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({ row: fc.integer({ min: 1, max: 5 }), col: fc.nat(6), cell: cellValue }),
        { minLength: 1, maxLength: 6 }
      ),
      async (cells) => {
        const { book } = build(
          cells.map(({ row, col, cell }) => ({ sheet: "Scenarios", row, col, ...cell })),
          true
        );
        const result = await attempt("scenarios", () => runScenarioAction(book));
        if (!result) return;
        for (const s of result.run.scenarios) expect(finiteDeep(s.figures)).toBe(true);
        for (const s of result.run.invalidScenarios) expect(s.reason.length).toBeGreaterThan(10);
        const names = new Set([
          ...result.run.scenarios.map((s) => s.name.toLowerCase()),
          ...result.run.invalidScenarios.map((s) => s.name.toLowerCase()),
        ]);
        expect(names.has("baseline")).toBe(true);
        // One tab per computed scenario plus the comparison, all distinct.
        expect(new Set(result.sheets.map((s) => s.name.toLowerCase())).size).toBe(
          result.run.scenarios.length + 1
        );
      }
    ),
    { numRuns: 500, seed: 1414 }
  );
});

/** The mutated sheets as a real .xlsx file: dates as dates, formulas saved without a result. */
async function xlsxFile(
  values: Record<string, SheetValue[][]>,
  notes: Record<string, Record<string, CellNote>>,
  file: string
) {
  const wb = new ExcelJS.Workbook();
  for (const name of SHEETS.filter((s) => s !== "Scenarios")) {
    const ws = wb.addWorksheet(name);
    values[name].forEach((row, r) =>
      row.forEach((value, c) => {
        const note = notes[name]?.[`${r},${c}`];
        const cell = ws.getCell(r + 1, c + 1);
        if (note === "uncached-formula")
          cell.value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
        else if (note === "date") {
          cell.value = new Date(Date.UTC(2025, 0, 1));
          cell.numFmt = "yyyy-mm-dd";
        } else if (value !== null) cell.value = value;
      })
    );
  }
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += `${t}\n`),
  });
  return { code, stdout, stderr };
}

test("300 mutated .xlsx files through the CLI's main: exit 0 only with finite results equal to the own loop, else a finding or a plain message", async () => {
  const dir = mkdtempSync(join(tmpdir(), "compalign-fuzz-"));
  let compared = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const { values, notes } = build(mutations, false);
        const file = join(dir, "fuzz.xlsx");
        await xlsxFile(values, notes, file);
        const check = await cli(["check", file, "--json"]);
        const scenarios = await cli(["scenarios", file, "--json"]);
        for (const run of [check, scenarios]) {
          expect([0, 1, 2]).toContain(run.code);
          for (const pattern of INTERNAL_TEXT)
            if (pattern.test(run.stderr))
              throw new Error(`internal text ${pattern}: ${run.stderr}`);
          if (run.code !== 0 && run !== check) expect(run.stderr.trim().length).toBeGreaterThan(20);
        }
        if (scenarios.code !== 0) return;
        const json = JSON.parse(scenarios.stdout);
        for (const s of json.scenarios) expect(Number.isFinite(s.totalPayout)).toBe(true);
        if (check.code !== 0) return; // error findings: the plan is reported, not trusted
        const own = ownBaseline(values, notes);
        const rowsOfReps = table(values.Reps).rows.map((r) => r.i + 1);
        const total = own.reduce<number>((s, p) => s + (p ?? 0), 0);
        expect(Math.abs(json.scenarios[0].totalPayout - total)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(total))
        );
        expect(json.dataIssues.map((d: { row: number }) => d.row)).toEqual(
          own.flatMap((p, i) => (p === null ? [rowsOfReps[i]] : []))
        );
        compared++;
      }),
      { numRuns: 300, seed: 141414 }
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(compared).toBeGreaterThan(30);
});
