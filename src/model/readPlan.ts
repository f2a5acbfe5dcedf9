/**
 * The CompAlign workbook contract (docs/workbook.md) read into a PlanDesign: Objectives,
 * Matrix, Curves and (for target-incentive dollars) Reps. Problems in the data become findings
 * that name the sheet, row and column; bad data is never silently read as zero.
 */
import {
  CURVE_BEYOND,
  CURVE_METHODS,
  curveProblem,
  type CurveBeyond,
  type CurveMethod,
} from "../engine/curve";
import {
  OWNERS,
  type Component,
  type CurveDefinition,
  type Finding,
  type Objective,
  type PlanDesign,
} from "../engine/plan";
import type { SheetData, SheetValue } from "../workbook/port";
import {
  numberCell,
  repNumberProblem,
  sheetRows,
  text,
  type SheetRow,
  type SheetRows,
} from "./sheetRows";
import { nameKey } from "../engine/nameKey";

export const SHEETS = {
  objectives: "Objectives",
  matrix: "Matrix",
  curves: "Curves",
  reps: "Reps",
} as const;

export const COLUMNS = {
  objectives: ["Objective", "Priority", "Why"],
  matrix: ["Plan", "Metric", "Objective", "Behavior", "Weight", "Curve", "Owner", "Why"],
  curves: ["Curve", "Attainment", "Payout", "Method", "Beyond"],
  reps: [
    "Rep",
    "Plan",
    "Segment",
    "Territory",
    "Target Incentive",
    "Base Salary",
    "Revenue",
    "Gross Margin",
  ],
} as const;

const REQUIRED = {
  objectives: ["Objective", "Priority"],
  matrix: ["Plan", "Metric", "Objective", "Weight", "Curve"],
  curves: ["Curve", "Attainment", "Payout"],
  reps: ["Rep", "Plan", "Target Incentive"],
} as const;

export interface PlanSheets {
  objectives: SheetData | null;
  matrix: SheetData | null;
  curves: SheetData | null;
  reps: SheetData | null;
}

export interface ReadPlanResult {
  design: PlanDesign;
  /** Problems found while reading (rules: missing-sheet, missing-column, invalid-value, duplicate-objective, unknown-owner). */
  findings: Finding[];
}

type Add = (finding: Omit<Finding, "plan" | "metric" | "objective"> & Partial<Finding>) => void;

function finder(findings: Finding[]): Add {
  return (f) => findings.push({ plan: null, metric: null, objective: null, ...f });
}

/** The sheet's rows, or null (with a finding) when required columns are missing. */
function withColumns(data: SheetData, required: readonly string[], add: Add): SheetRows | null {
  const rows = sheetRows(data);
  for (const d of rows.duplicates)
    add({
      severity: "error",
      rule: "duplicate-header",
      message: `${data.name} has the column "${d.header}" twice in row 1 (also at ${d.first}): only the first is read, so rename or delete one.`,
      cell: d.cell,
    });
  const missing = rows.missing(required);
  if (missing.length === 0) return rows;
  add({
    severity: "error",
    rule: "missing-column",
    message: `${data.name} has no ${missing.map((m) => `"${m}"`).join(", ")} column${missing.length > 1 ? "s" : ""} in row 1.`,
    cell: rows.headerCell(missing[0]),
  });
  return null;
}

function numberIn(
  row: SheetRow,
  header: string,
  sheet: string,
  add: Add,
  what: string
): number | null {
  const read = numberCell(row, header);
  if ("problem" in read) {
    add({
      severity: "error",
      rule: read.problem.rule,
      message: `${sheet} row ${row.index + 1}: ${header} must be a number (${what}), not ${read.problem.text}.`,
      cell: row.cell(header),
    });
    return null;
  }
  if (read.date !== null)
    add({
      severity: "warning",
      rule: "date-in-number",
      message: `${sheet} row ${row.index + 1}: ${header} holds the date ${read.date}, read as the number ${read.value}; type a number (${what}).`,
      cell: row.cell(header),
    });
  return read.value;
}

/** A sheet with a header but no rows: nothing to compute with. */
function emptySheet(rows: SheetRows, what: string, add: Add): boolean {
  if (rows.rows.length > 0) return false;
  add({
    severity: "error",
    rule: "empty-sheet",
    message: `${rows.sheet} has no rows below its header: add ${what}.`,
    cell: rows.headerCell(rows.headers.find((h) => h) ?? ""),
  });
  return true;
}

/** Cells of text columns that hold a formula saved without its result: the text is unknown. */
function uncachedText(row: SheetRow, headers: readonly string[], sheet: string, add: Add) {
  for (const header of headers) {
    if (row.note(header) !== "uncached-formula") continue;
    add({
      severity: "error",
      rule: "uncached-formula",
      message: `${sheet} row ${row.index + 1}: ${header} is a formula saved without its result (open the file in Excel, let it calculate and save it, or type the value).`,
      cell: row.cell(header),
    });
  }
}

function readObjectives(data: SheetData | null, add: Add): Objective[] {
  if (!data) {
    add({
      severity: "error",
      rule: "missing-sheet",
      message: "There is no Objectives sheet: add one (Set up workbook does).",
      cell: null,
    });
    return [];
  }
  const rows = withColumns(data, REQUIRED.objectives, add);
  if (!rows) return [];
  emptySheet(rows, "one row per corporate objective", add);
  const objectives: Objective[] = [];
  const seen = new Map<string, Objective>();
  for (const row of rows.rows) {
    uncachedText(row, ["Objective", "Why"], "Objectives", add);
    const name = text(row.get("Objective"));
    if (!name) {
      add({
        severity: "error",
        rule: "invalid-value",
        message: `Objectives row ${row.index + 1}: Objective is blank.`,
        cell: row.cell("Objective"),
      });
      continue;
    }
    const first = seen.get(name.toLowerCase());
    if (first) {
      add({
        severity: "error",
        rule: "duplicate-objective",
        objective: name,
        message: `Objective "${name}" is listed twice (also at ${first.cells.name}); names must be unique.`,
        cell: row.cell("Objective"),
      });
      continue;
    }
    let priority = numberIn(row, "Priority", "Objectives", add, "0 or more");
    if (priority !== null && priority < 0) {
      add({
        severity: "error",
        rule: "invalid-value",
        objective: name,
        message: `Objectives row ${row.index + 1}: Priority ${priority} is negative.`,
        cell: row.cell("Priority"),
      });
      priority = null;
    }
    // An objective with an unreadable priority is kept (so Matrix rows serving it still
    // resolve) but carries no priority share; the finding above says so.
    const objective: Objective = {
      name,
      priority: priority ?? 0,
      why: text(row.get("Why")),
      cells: { name: row.cell("Objective"), priority: row.cell("Priority") },
    };
    seen.set(name.toLowerCase(), objective);
    objectives.push(objective);
  }
  return objectives;
}

function readMatrix(data: SheetData, add: Add): Component[] {
  const rows = withColumns(data, REQUIRED.matrix, add);
  if (!rows) return [];
  emptySheet(rows, "one row per plan component (Plan, Metric, Objective, Weight, Curve)", add);
  const components: Component[] = [];
  for (const row of rows.rows) {
    uncachedText(
      row,
      ["Plan", "Metric", "Objective", "Behavior", "Curve", "Owner", "Why"],
      "Matrix",
      add
    );
    const plan = text(row.get("Plan"));
    const metric = text(row.get("Metric"));
    if (!plan || !metric) {
      add({
        severity: "error",
        rule: "invalid-value",
        plan: plan || null,
        metric: metric || null,
        message: `Matrix row ${row.index + 1}: ${!plan ? "Plan" : "Metric"} is blank; the row is left out.`,
        cell: row.cell(!plan ? "Plan" : "Metric"),
      });
      continue;
    }
    const weight = numberIn(row, "Weight", "Matrix", add, "a share of target incentive, e.g. 40%");
    const owner = text(row.get("Owner"));
    const knownOwner = OWNERS.find((o) => o.toLowerCase() === owner.toLowerCase());
    if (owner && !knownOwner) {
      add({
        severity: "warning",
        rule: "unknown-owner",
        plan,
        metric,
        message: `Matrix row ${row.index + 1}: Owner "${owner}" is not one of ${OWNERS.join(", ")}.`,
        cell: row.cell("Owner"),
      });
    }
    components.push({
      plan,
      metric,
      objective: text(row.get("Objective")),
      behavior: text(row.get("Behavior")),
      // An unreadable weight is reported above and pays nothing until fixed.
      weight: weight ?? 0,
      curve: text(row.get("Curve")),
      owner: knownOwner ?? owner,
      why: text(row.get("Why")),
      cells: {
        plan: row.cell("Plan"),
        metric: row.cell("Metric"),
        objective: row.cell("Objective"),
        weight: row.cell("Weight"),
        curve: row.cell("Curve"),
      },
    });
  }
  return components;
}

function wordIn<W extends string>(value: SheetValue, words: readonly W[]): W | null | undefined {
  if (value === null) return undefined;
  const word = String(value).trim().toUpperCase();
  return (words as readonly string[]).includes(word) ? (word as W) : null;
}

function readCurves(data: SheetData | null, add: Add): Map<string, CurveDefinition> {
  const curves = new Map<string, CurveDefinition>();
  if (!data) return curves;
  const rows = withColumns(data, REQUIRED.curves, add);
  if (!rows) return curves;
  const groups = new Map<string, SheetRow[]>();
  for (const row of rows.rows) {
    uncachedText(row, ["Curve", "Method", "Beyond"], "Curves", add);
    const name = text(row.get("Curve"));
    if (!name) {
      add({
        severity: "error",
        rule: "invalid-value",
        message: `Curves row ${row.index + 1}: Curve is blank.`,
        cell: row.cell("Curve"),
      });
      continue;
    }
    const k = name.toLowerCase();
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(row);
  }
  for (const [k, group] of groups) {
    const name = text(group[0].get("Curve"));
    let problem: CurveDefinition["problem"] = null;
    const points: number[] = [];
    const rates: number[] = [];
    let method: CurveMethod | undefined;
    let beyond: CurveBeyond | undefined;
    for (const row of group) {
      const a = numberCell(row, "Attainment");
      const p = numberCell(row, "Payout");
      if ("problem" in a || "problem" in p) {
        const header = "problem" in a ? "Attainment" : "Payout";
        const why = "problem" in a ? a.problem : "problem" in p ? p.problem : null;
        problem ??= {
          message: `row ${row.index + 1}: ${header} must be a number, not ${why!.text}`,
          cell: row.cell(header),
        };
        continue;
      }
      // A date is never a curve point or a payout rate: the curve would pay its serial.
      const dated = a.date !== null ? "Attainment" : p.date !== null ? "Payout" : null;
      if (dated) {
        problem ??= {
          message: `row ${row.index + 1}: ${dated} holds the date ${(dated === "Attainment" ? a : p).date}, not a number`,
          cell: row.cell(dated),
        };
        continue;
      }
      points.push(a.value);
      rates.push(p.value);
      const m = wordIn(row.get("Method"), CURVE_METHODS);
      const b = wordIn(row.get("Beyond"), CURVE_BEYOND);
      if (m === null || (m && method && m !== method)) {
        problem ??= {
          message: `row ${row.index + 1}: Method must be LINEAR or STEP, once per curve`,
          cell: row.cell("Method"),
        };
      } else if (m) method = m;
      if (b === null || (b && beyond && b !== beyond)) {
        problem ??= {
          message: `row ${row.index + 1}: Beyond must be CAP or EXTEND, once per curve`,
          cell: row.cell("Beyond"),
        };
      } else if (b) beyond = b;
    }
    if (!problem) {
      const shape = curveProblem(points, rates);
      if (shape) {
        const row = group[Math.min(shape.index, group.length - 1)];
        problem = {
          message: `row ${row.index + 1}: ${shape.message}`,
          cell: row.cell(shape.message.startsWith("payout") ? "Payout" : "Attainment"),
        };
      }
    }
    curves.set(k, {
      name,
      points,
      rates,
      method: method ?? "LINEAR",
      beyond: beyond ?? "CAP",
      cell: group[0].cell("Curve"),
      problem,
    });
  }
  return curves;
}

/**
 * The Reps sheet as the alignment check sees it: target-incentive dollars per plan, and a
 * warning naming the cell for every value scenarios and the pulse check could not use (that
 * rep is left out of them as a data issue, src/model/readReps.ts), for duplicate rep ids and
 * for reps on a plan that is not in Matrix.
 */
function readTargetIncentive(
  data: SheetData | null,
  components: Component[],
  add: Add
): Map<string, number> | null {
  if (!data) return null;
  const rows = withColumns(data, REQUIRED.reps, add);
  if (!rows) return null;
  if (rows.rows.length === 0)
    add({
      severity: "warning",
      rule: "empty-sheet",
      message: `Reps has no rows below its header: scenarios and the pulse check need one row per rep.`,
      cell: rows.headerCell("Plan"),
    });
  const plans = new Set(components.map((c) => nameKey(c.plan)));
  const metrics = [...new Set(components.map((c) => c.metric.trim()))];
  const costColumns = ["Base Salary", "Revenue", "Gross Margin"].filter((h) => rows.has(h));
  // A rep is paid on its own plan's metrics only: another plan's columns may be blank.
  const metricColumnsOf = new Map<string, string[]>();
  for (const c of components) {
    const plan = nameKey(c.plan);
    const list = metricColumnsOf.get(plan) ?? [];
    for (const h of [`${c.metric.trim()} Quota`, `${c.metric.trim()} Actual`])
      if (rows.has(h) && !list.includes(h)) list.push(h);
    metricColumnsOf.set(plan, list);
  }
  for (const metric of metrics)
    for (const header of [`${metric} Quota`, `${metric} Actual`])
      if (!rows.has(header))
        add({
          severity: "warning",
          rule: "missing-column",
          metric,
          message: `Reps has no "${header}" column in row 1: scenarios and the pulse check leave out every rep whose plan pays for ${metric}.`,
          cell: rows.headerCell("Rep"),
        });
  const byPlan = new Map<string, number>();
  const seenReps = new Map<string, SheetRow>();
  for (const row of rows.rows) {
    const plan = text(row.get("Plan")).toLowerCase();
    const where = `Reps row ${row.index + 1}`;
    const warn = (rule: string, message: string, header: string) =>
      add({ severity: "warning", rule, plan: plan || null, message, cell: row.cell(header) });
    uncachedText(row, ["Rep", "Plan", "Segment", "Territory"], "Reps", add);
    const rep = text(row.get("Rep"));
    if (rep) {
      const first = seenReps.get(rep.toLowerCase());
      if (first)
        warn(
          "duplicate-rep",
          `${where}: Rep "${rep}" is listed twice (also at ${first.cell("Rep")}); both rows are counted, so make the ids unique or delete one.`,
          "Rep"
        );
      else seenReps.set(rep.toLowerCase(), row);
    }
    if (!plan)
      warn(
        "invalid-value",
        `${where}: Plan is blank; this rep is left out of scenarios and the pulse check.`,
        "Plan"
      );
    else if (plans.size > 0 && !plans.has(plan))
      warn(
        "unknown-plan",
        `${where}: Plan "${text(row.get("Plan"))}" is not in Matrix; this rep is left out of scenarios and the pulse check.`,
        "Plan"
      );
    for (const header of [...costColumns, ...(metricColumnsOf.get(plan) ?? [])]) {
      const problem = repNumberProblem(row, header, header.endsWith(" Quota") ? "positive" : "any");
      if (problem)
        warn(
          problem.rule,
          `${where}: ${header} is ${problem.text}; this rep is left out of scenarios and the pulse check.`,
          header
        );
    }
    const ti = repNumberProblem(row, "Target Incentive", "non-negative");
    if (ti) {
      warn(
        ti.rule,
        `${where}: Target Incentive must be a number of 0 or more, not ${ti.text}; this rep is left out of the plan's target-incentive dollars, scenarios and the pulse check.`,
        "Target Incentive"
      );
      continue;
    }
    if (!plan) continue;
    byPlan.set(plan, (byPlan.get(plan) ?? 0) + (row.get("Target Incentive") as number));
  }
  return byPlan;
}

/** Reads the plan design. The Matrix sheet is required: callers check `sheets.matrix` first. */
export function readPlan(sheets: PlanSheets): ReadPlanResult {
  const findings: Finding[] = [];
  const add = finder(findings);
  const objectives = readObjectives(sheets.objectives, add);
  const components = sheets.matrix ? readMatrix(sheets.matrix, add) : [];
  const curves = readCurves(sheets.curves, add);
  const targetIncentiveByPlan = readTargetIncentive(sheets.reps, components, add);
  return { design: { objectives, components, curves, targetIncentiveByPlan }, findings };
}
