/**
 * The optional Risk Settings sheet (`Setting`, `Value`): trials, seed, volatilities, metric
 * correlation and budget of the cost-at-risk simulation (docs/workbook.md, "Risk Settings").
 * Names and headers match ignoring case and extra spaces; a blank Value means "not set" (the
 * default). An unknown setting, a value that is not a number or is out of range, or a setting
 * given twice (the first counts) is a warning naming its cell, and the default is used: nothing
 * is silently ignored or read as zero.
 */
import { DEFAULT_RISK_SETTINGS, RISK_LIMITS, type RiskSettings } from "../engine/costAtRisk";
import type { Problem } from "../engine/problem";
import type { SheetData } from "../workbook/port";
import { settingRows } from "./settingRows";
import { describeValue, normaliseHeader, sheetRows } from "./sheetRows";

export const RISK_SETTINGS_SHEET = "Risk Settings";
export const RISK_SETTINGS_COLUMNS = ["Setting", "Value"] as const;

type Field = keyof RiskSettings;

export interface RiskSettingSpec {
  name: string;
  field: Field;
  /** What is accepted, for messages and docs. */
  accepts: string;
  valid: (v: number) => boolean;
}

const whole = (v: number) => Number.isInteger(v);

export const RISK_SETTINGS: readonly RiskSettingSpec[] = [
  {
    name: "Trials",
    field: "trials",
    accepts: `a whole number from ${RISK_LIMITS.minTrials} to ${RISK_LIMITS.maxTrials.toLocaleString("en-US")}`,
    valid: (v) => whole(v) && v >= RISK_LIMITS.minTrials && v <= RISK_LIMITS.maxTrials,
  },
  {
    name: "Seed",
    field: "seed",
    accepts: `a whole number from 0 to ${RISK_LIMITS.maxSeed.toLocaleString("en-US")}`,
    valid: (v) => whole(v) && v >= 0 && v <= RISK_LIMITS.maxSeed,
  },
  {
    name: "Common volatility",
    field: "commonVolatility",
    accepts: "a number from 0 to 1 (10% is 0.1)",
    valid: (v) => v >= 0 && v <= 1,
  },
  {
    name: "Individual volatility",
    field: "individualVolatility",
    accepts: "a number from 0 to 1 (20% is 0.2)",
    valid: (v) => v >= 0 && v <= 1,
  },
  {
    name: "Metric correlation",
    field: "metricCorrelation",
    accepts: "a number from 0 to 1 (50% is 0.5)",
    valid: (v) => v >= 0 && v <= 1,
  },
  {
    name: "Budget",
    field: "budget",
    accepts: "an amount above 0",
    valid: (v) => v > 0,
  },
];

const BY_NAME = new Map(RISK_SETTINGS.map((s) => [normaliseHeader(s.name), s]));

export interface RiskSettingsRead {
  settings: RiskSettings;
  /** One per problem: what is wrong and what is used instead, and the cell (`'Risk Settings'!B3`;
   *  null for a missing column). */
  warnings: Problem[];
}

const fallback = (spec: RiskSettingSpec) =>
  spec.field === "budget"
    ? "it is treated as not set"
    : `the default ${DEFAULT_RISK_SETTINGS[spec.field]} is used`;

export function readRiskSettings(data: SheetData | null): RiskSettingsRead {
  const settings: RiskSettings = { ...DEFAULT_RISK_SETTINGS };
  const warnings: Problem[] = [];
  if (!data) return { settings, warnings };
  const sheet = sheetRows(data);
  const missing = sheet.missing(RISK_SETTINGS_COLUMNS);
  if (missing.length > 0) {
    warnings.push({
      message: `${data.name} has no ${missing.map((m) => `"${m}"`).join(", ")} column in row 1, so every default is used.`,
      cell: null,
    });
    return { settings, warnings };
  }
  const unknown = (typed: string) =>
    `"${typed}" is not a risk setting (${RISK_SETTINGS.map((s) => s.name).join(", ")}), so it is not used.`;
  for (const { spec, value, valueCell } of settingRows(sheet, BY_NAME, unknown, warnings)) {
    if (value === null) continue; // Not set: the default.
    if (typeof value !== "number" || !Number.isFinite(value)) {
      warnings.push({
        message: `${spec.name} must be ${spec.accepts}, not ${describeValue(value)}; ${fallback(spec)}.`,
        cell: valueCell,
      });
      continue;
    }
    if (!spec.valid(value)) {
      warnings.push({
        message: `${spec.name} must be ${spec.accepts}, not ${value}; ${fallback(spec)}.`,
        cell: valueCell,
      });
      continue;
    }
    settings[spec.field] = value;
  }
  return { settings, warnings };
}
