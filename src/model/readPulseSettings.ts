/**
 * The optional Pulse Settings sheet (`Setting`, `Value`): the period label, the plan's budget
 * values and overrides of the pulse check's bands (docs/workbook.md). Settings are matched
 * ignoring case and extra spaces. An unknown setting, a value that cannot be read, a setting
 * given twice or a band whose ends cross is a warning naming its cell, and the default is used
 * for it: nothing is silently ignored. A blank Value means "not set".
 */
import {
  DEFAULT_PULSE_BANDS,
  defaultPulseSettings,
  type PulseBands,
  type PulseSettings,
} from "../engine/pulseSettings";
import type { Problem } from "../engine/problem";
import { serialToDate } from "../workbook/excelDate";
import type { SheetData, SheetValue } from "../workbook/port";
import { describeValue, normaliseHeader, sheetRows, text } from "./sheetRows";

export const PULSE_SETTINGS_SHEET = "Pulse Settings";
export const PULSE_SETTINGS_COLUMNS = ["Setting", "Value"] as const;

type Kind =
  /** Text as typed (a date typed in the cell reads as yyyy-mm-dd). */
  | "text"
  /** A fraction between 0 and 1 (a share of reps, a rate, a correlation). */
  | "share"
  /** A number above 0 (a multiple of target, a cost ratio, a tolerance). */
  | "positive"
  /** A share above 0 and at most 1. */
  | "period-share"
  /** A whole number from 2 up. */
  | "count"
  /** A whole number from 1 to 12. */
  | "month";

export interface SettingSpec {
  /** The name as written in the Setting column. */
  name: string;
  /** What it means, for docs and messages. */
  meaning: string;
  kind: Kind;
  /** Where it goes. */
  field: keyof PulseBands | OtherField;
}

/** Settings that are not bands: they have no default (null) or a default of their own. */
type OtherField =
  | "planPayoutToTarget"
  | "planIncentiveCostOfSales"
  | "period"
  | "payMixLow"
  | "payMixHigh"
  | "periodShare"
  | "fiscalYearStartMonth"
  | "minReps"
  | "excellenceRate";

const NULLABLE: readonly string[] = [
  "planPayoutToTarget",
  "planIncentiveCostOfSales",
  "payMixLow",
  "payMixHigh",
];
const OTHER: readonly string[] = [
  ...NULLABLE,
  "period",
  "periodShare",
  "fiscalYearStartMonth",
  "minReps",
  "excellenceRate",
];

/** Every setting the sheet may hold, in the order docs/workbook.md lists them. */
export const PULSE_SETTINGS: readonly SettingSpec[] = [
  {
    name: "Period",
    meaning: "label of the period, used in the tab name",
    kind: "text",
    field: "period",
  },
  {
    name: "Plan Payout To Target",
    meaning: "planned total payout ÷ total target incentive",
    kind: "positive",
    field: "planPayoutToTarget",
  },
  {
    name: "Plan Incentive Cost Of Sales",
    meaning: "planned total payout ÷ total revenue",
    kind: "positive",
    field: "planIncentiveCostOfSales",
  },
  {
    name: "Period Share Of Year",
    meaning:
      "share of the quota year the actuals cover (0.5 for half-year-to-date actuals against annual quotas); quotas, target incentives and base salaries are multiplied by it",
    kind: "period-share",
    field: "periodShare",
  },
  {
    name: "Fiscal Year Start Month",
    meaning: "month the fiscal year starts in (1 = January), for the default Period label",
    kind: "month",
    field: "fiscalYearStartMonth",
  },
  {
    name: "Min Reps Per Plan",
    meaning: "fewest computed reps a plan needs for its checks to be judged",
    kind: "count",
    field: "minReps",
  },
  {
    name: "Excellence Payout Rate",
    meaning: "payout rate (multiple of target) that marks a curve's excellence point",
    kind: "positive",
    field: "excellenceRate",
  },
  {
    name: "Pay Mix Low",
    meaning: "low end of the healthy base ÷ (base + target incentive)",
    kind: "share",
    field: "payMixLow",
  },
  {
    name: "Pay Mix High",
    meaning: "high end of the healthy base ÷ (base + target incentive)",
    kind: "share",
    field: "payMixHigh",
  },
  {
    name: "Share At Quota Low",
    meaning: "low end of the healthy share of reps at quota",
    kind: "share",
    field: "shareAtQuotaLow",
  },
  {
    name: "Share At Quota High",
    meaning: "high end of the healthy share of reps at quota",
    kind: "share",
    field: "shareAtQuotaHigh",
  },
  {
    name: "Pay For Performance Watch",
    meaning: "rank correlation below which pay for performance is Watch",
    kind: "share",
    field: "payForPerformanceWatch",
  },
  {
    name: "Pay For Performance Act",
    meaning: "rank correlation below which it is Act",
    kind: "share",
    field: "payForPerformanceAct",
  },
  {
    name: "P90 Low",
    meaning: "low end of the healthy 90th percentile of payout % of target",
    kind: "positive",
    field: "p90Low",
  },
  {
    name: "P90 High",
    meaning: "high end of the healthy 90th percentile of payout % of target",
    kind: "positive",
    field: "p90High",
  },
  {
    name: "P10 High",
    meaning: "highest healthy 10th percentile of payout % of target",
    kind: "positive",
    field: "p10High",
  },
  {
    name: "Plan Tolerance",
    meaning: "relative tolerance around the plan values",
    kind: "positive",
    field: "planTolerance",
  },
  {
    name: "Gini Low",
    meaning: "low end of the healthy Gini of payouts",
    kind: "share",
    field: "giniLow",
  },
  {
    name: "Gini High",
    meaning: "high end of the healthy Gini of payouts",
    kind: "share",
    field: "giniHigh",
  },
  {
    name: "Top 20% Share High",
    meaning: "highest healthy share of payout earned by the top 20% of reps",
    kind: "share",
    field: "top20ShareHigh",
  },
  {
    name: "Threshold Reach Low",
    meaning: "lowest healthy share of a plan's reps reaching a metric's threshold",
    kind: "share",
    field: "thresholdReachLow",
  },
  {
    name: "Excellence Reach Low",
    meaning: "low end of the healthy share reaching a metric's top point",
    kind: "share",
    field: "excellenceReachLow",
  },
  {
    name: "Excellence Reach High",
    meaning: "high end of the healthy share reaching a metric's top point",
    kind: "share",
    field: "excellenceReachHigh",
  },
  {
    name: "Capped Reps High",
    meaning: "highest healthy share of a plan's reps held at a cap",
    kind: "share",
    field: "cappedRepsHigh",
  },
  {
    name: "Alignment Drift",
    meaning: "largest healthy drop of the realized alignment index below the design index",
    kind: "share",
    field: "alignmentDrift",
  },
  {
    name: "Priority Payout Watch",
    meaning:
      "top-priority objective's payout share ÷ priority share below which priority-payout is Watch",
    kind: "share",
    field: "priorityPayoutWatch",
  },
  {
    name: "Priority Payout Act",
    meaning: "that ratio below which it is Act",
    kind: "share",
    field: "priorityPayoutAct",
  },
  {
    name: "Pay For Outcomes Watch",
    meaning: "rank correlation of payout % of target and Gross Margin % below which it is Watch",
    kind: "share",
    field: "payForOutcomesWatch",
  },
  {
    name: "Pay For Outcomes Act",
    meaning: "that correlation below which it is Act",
    kind: "share",
    field: "payForOutcomesAct",
  },
];

/** Band ends that must keep their order: [lower, upper]. */
const ORDERED: [keyof PulseBands, keyof PulseBands][] = [
  ["shareAtQuotaLow", "shareAtQuotaHigh"],
  ["payForPerformanceAct", "payForPerformanceWatch"],
  ["p90Low", "p90High"],
  ["giniLow", "giniHigh"],
  ["excellenceReachLow", "excellenceReachHigh"],
  ["priorityPayoutAct", "priorityPayoutWatch"],
  ["payForOutcomesAct", "payForOutcomesWatch"],
];

export interface PulseSettingsRead {
  settings: PulseSettings;
  /** One per problem: what is wrong and what is used instead, and the cell (`'Pulse Settings'!B4`;
   *  null for two settings that contradict each other or a missing column). */
  warnings: Problem[];
}

const FIRST_DATE_SERIAL = 36526; // 2000-01-01: integers from here on in Period are dates.

/** A Period cell as a label: text as typed, a date serial (a typed date) as yyyy-mm-dd. */
function periodLabel(value: SheetValue): string {
  if (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= FIRST_DATE_SERIAL &&
    value < 2958466
  )
    return serialToDate(value).toISOString().slice(0, 10);
  return text(value);
}

const nameOf = (spec: SettingSpec) => normaliseHeader(spec.name);
const BY_NAME = new Map(PULSE_SETTINGS.map((s) => [nameOf(s), s]));

export function readPulseSettings(data: SheetData | null): PulseSettingsRead {
  const settings = defaultPulseSettings();
  const warnings: Problem[] = [];
  if (!data) return { settings, warnings };
  const sheet = sheetRows(data);
  const missing = sheet.missing(PULSE_SETTINGS_COLUMNS);
  if (missing.length > 0) {
    warnings.push({
      message: `${data.name} has no ${missing.map((m) => `"${m}"`).join(", ")} column in row 1, so every default is used.`,
      cell: null,
    });
    return { settings, warnings };
  }
  const seen = new Map<string, string>();
  const set = new Set<string>();
  for (const row of sheet.rows) {
    const raw = row.get("Setting");
    const name = normaliseHeader(raw);
    const cell = row.cell("Setting");
    const valueCell = row.cell("Value");
    if (!name) {
      if (row.get("Value") === null) continue; // A note in another column.
      warnings.push({
        message: "the row has a value but no Setting name, so it is not used.",
        cell: valueCell,
      });
      continue;
    }
    const spec = BY_NAME.get(name);
    if (!spec) {
      warnings.push({
        message: `"${text(raw)}" is not a pulse setting (see docs/workbook.md for the names), so it is not used.`,
        cell,
      });
      continue;
    }
    const first = seen.get(name);
    if (first) {
      warnings.push({
        message: `${spec.name} is given twice (first at ${first}); the first is used.`,
        cell,
      });
      continue;
    }
    seen.set(name, cell);
    const value = row.get("Value");
    if (value === null) continue; // Not set.
    if (spec.field === "period") {
      settings.period = periodLabel(value);
      continue;
    }
    const problem =
      typeof value !== "number" || !Number.isFinite(value)
        ? `must be a number, not ${describeValue(value)}`
        : spec.kind === "share" && (value < 0 || value > 1)
          ? `must be between 0 and 1 (55% is 0.55), not ${value}`
          : spec.kind === "positive" && !(value > 0)
            ? `must be a number above 0, not ${value}`
            : spec.kind === "period-share" && !(value > 0 && value <= 1)
              ? `must be above 0 and at most 1 (half a year is 0.5), not ${value}`
              : spec.kind === "count" && !(Number.isInteger(value) && value >= 2)
                ? `must be a whole number of 2 or more, not ${value}`
                : spec.kind === "month" && !(Number.isInteger(value) && value >= 1 && value <= 12)
                  ? `must be a month number from 1 to 12, not ${value}`
                  : null;
    const fallback = NULLABLE.includes(spec.field)
      ? "it is treated as not set"
      : OTHER.includes(spec.field)
        ? `the default ${String(defaultPulseSettings()[spec.field as keyof PulseSettings])} is used`
        : `the default ${DEFAULT_PULSE_BANDS[spec.field as keyof PulseBands]} is used`;
    if (problem) {
      warnings.push({ message: `${spec.name} ${problem}; ${fallback}.`, cell: valueCell });
      continue;
    }
    if (OTHER.includes(spec.field))
      (settings as unknown as Record<string, number>)[spec.field] = value as number;
    else {
      settings.bands[spec.field as keyof PulseBands] = value as number;
      set.add(spec.field);
    }
  }
  const label = (field: keyof PulseBands) => PULSE_SETTINGS.find((s) => s.field === field)!.name;
  for (const [low, high] of ORDERED) {
    if (settings.bands[low] > settings.bands[high] && (set.has(low) || set.has(high))) {
      warnings.push({
        message: `${data.name}: ${label(low)} (${settings.bands[low]}) is above ${label(high)} (${settings.bands[high]}); the defaults ${DEFAULT_PULSE_BANDS[low]} and ${DEFAULT_PULSE_BANDS[high]} are used for both.`,
        cell: null,
      });
      settings.bands[low] = DEFAULT_PULSE_BANDS[low];
      settings.bands[high] = DEFAULT_PULSE_BANDS[high];
    }
  }
  if (
    settings.payMixLow !== null &&
    settings.payMixHigh !== null &&
    settings.payMixLow > settings.payMixHigh
  ) {
    warnings.push({
      message: `${data.name}: Pay Mix Low (${settings.payMixLow}) is above Pay Mix High (${settings.payMixHigh}); both are treated as not set.`,
      cell: null,
    });
    settings.payMixLow = null;
    settings.payMixHigh = null;
  }
  return { settings, warnings };
}
