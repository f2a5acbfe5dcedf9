/**
 * The optional Pulse Settings sheet (`Setting`, `Value`): the period label, the plan's budget
 * values and overrides of the pulse check's bands (docs/workbook.md). Settings are matched
 * ignoring case and extra spaces. An unknown setting, a value that cannot be read, a setting
 * given twice or a band whose ends cross is a warning naming its cell, and the default is used
 * for it: nothing is silently ignored. A blank Value means "not set".
 */
import { PULSE_CHECKS, type PulseCheckSetting } from "../engine/pulseChecks";
import {
  DEFAULT_PULSE_BANDS,
  GENERAL_PULSE_SETTINGS,
  defaultPulseSettings,
  type PulseBands,
  type PulseSettings,
} from "../engine/pulseSettings";
import type { Problem } from "../engine/problem";
import { serialToDate } from "../workbook/excelDate";
import type { SheetData, SheetValue } from "../workbook/port";
import { settingRows } from "./settingRows";
import { describeValue, normaliseHeader, sheetRows, text } from "./sheetRows";

export const PULSE_SETTINGS_SHEET = "Pulse Settings";
export const PULSE_SETTINGS_COLUMNS = ["Setting", "Value"] as const;

/** One setting the sheet may hold (general, or a check's own from PULSE_CHECKS). */
export type SettingSpec = Pick<PulseCheckSetting, "name" | "meaning" | "kind" | "field">;

/** A check's own settings: a band (numeric default) or a plan value (default null). */
const CHECK_SETTINGS: readonly PulseCheckSetting[] = PULSE_CHECKS.flatMap(
  (c): readonly PulseCheckSetting[] => c.settings
);
const GENERAL: readonly string[] = GENERAL_PULSE_SETTINGS.map((s) => s.field);
/** Plan values: not set unless the workbook gives them. */
const NULLABLE: readonly string[] = CHECK_SETTINGS.filter((s) => s.default === null).map(
  (s) => s.field
);
const OTHER: readonly string[] = [...NULLABLE, ...GENERAL];

/**
 * Every setting the sheet may hold: the general ones, then each check's own in PULSE_CHECKS
 * order (docs/workbook.md lists each; test/pulse/registry.test.ts holds the two together).
 */
export const PULSE_SETTINGS: readonly SettingSpec[] = [
  ...GENERAL_PULSE_SETTINGS,
  ...CHECK_SETTINGS,
];

/** Setting fields that must keep their order: [lower, upper] (PULSE_CHECKS `ordered`). */
const ORDERED = PULSE_CHECKS.flatMap((c): readonly (readonly [string, string])[] =>
  "ordered" in c ? c.ordered : []
);
/** Band ends that must keep their order. */
const ORDERED_BANDS = ORDERED.filter(([low]) => !NULLABLE.includes(low)) as [
  keyof PulseBands,
  keyof PulseBands,
][];
/** Plan values that must keep their order (both are treated as not set when they cross). */
const ORDERED_PLAN_VALUES = ORDERED.filter(([low]) => NULLABLE.includes(low)) as [
  keyof PulseSettings,
  keyof PulseSettings,
][];

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
  const set = new Set<string>();
  const unknown = (typed: string) =>
    `"${typed}" is not a pulse setting (see docs/workbook.md for the names), so it is not used.`;
  for (const { spec, value, valueCell } of settingRows(sheet, BY_NAME, unknown, warnings)) {
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
  const label = (field: string) => PULSE_SETTINGS.find((s) => s.field === field)!.name;
  for (const [low, high] of ORDERED_BANDS) {
    if (settings.bands[low] > settings.bands[high] && (set.has(low) || set.has(high))) {
      warnings.push({
        message: `${data.name}: ${label(low)} (${settings.bands[low]}) is above ${label(high)} (${settings.bands[high]}); the defaults ${DEFAULT_PULSE_BANDS[low]} and ${DEFAULT_PULSE_BANDS[high]} are used for both.`,
        cell: null,
      });
      settings.bands[low] = DEFAULT_PULSE_BANDS[low];
      settings.bands[high] = DEFAULT_PULSE_BANDS[high];
    }
  }
  const values = settings as unknown as Record<string, number | null>;
  for (const [low, high] of ORDERED_PLAN_VALUES) {
    const lo = values[low];
    const hi = values[high];
    if (lo !== null && hi !== null && lo > hi) {
      warnings.push({
        message: `${data.name}: ${label(low)} (${lo}) is above ${label(high)} (${hi}); both are treated as not set.`,
        cell: null,
      });
      values[low] = null;
      values[high] = null;
    }
  }
  return { settings, warnings };
}
