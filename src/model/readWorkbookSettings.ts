/**
 * The optional Settings sheet (`Setting`, `Value`): how the workbook's figures read — its
 * `Currency` (ISO 4217 code, default USD) and `Locale` (BCP 47 tag for digits and separators,
 * default en-US). Names match ignoring case and extra spaces; a blank Value means "not set".
 * An unknown setting, a code Intl does not know or a setting given twice is a warning naming
 * its cell, and the default (or the first value) is used: nothing is silently ignored.
 */
import { DEFAULT_FIGURE_SETTINGS, isCurrencyCode, type FigureSettings } from "../engine/figures";
import type { SheetData } from "../workbook/port";
import { describeValue, normaliseHeader, sheetRows, text } from "./sheetRows";

export const SETTINGS_SHEET = "Settings";
export const SETTINGS_COLUMNS = ["Setting", "Value"] as const;

export interface SettingsWarning {
  /** The alignment rule id it is reported under ("missing-column" or "invalid-value"). */
  rule: "missing-column" | "invalid-value";
  cell: string;
  message: string;
}

export interface WorkbookSettings {
  figures: FigureSettings;
  warnings: SettingsWarning[];
}

const isLocale = (tag: string): boolean => {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
};

/** The workbook's settings from its Settings sheet (null: no such sheet → the defaults). */
export function readWorkbookSettings(data: SheetData | null): WorkbookSettings {
  const figures = { ...DEFAULT_FIGURE_SETTINGS };
  const warnings: SettingsWarning[] = [];
  if (!data) return { figures, warnings };
  const sheet = sheetRows(data);
  const missing = sheet.missing([...SETTINGS_COLUMNS]);
  if (missing.length > 0) {
    warnings.push({
      rule: "missing-column",
      cell: sheet.headerCell("Setting"),
      message: `The ${SETTINGS_SHEET} sheet has no ${missing.join(" or ")} column: the defaults (${figures.currency}, ${figures.locale}) are used.`,
    });
    return { figures, warnings };
  }
  const seen = new Set<string>();
  for (const row of sheet.rows) {
    const name = normaliseHeader(text(row.get("Setting")));
    if (name === "") continue;
    const value = row.get("Value");
    const where = row.cell("Value");
    if (seen.has(name)) {
      warnings.push({
        rule: "invalid-value",
        cell: row.cell("Setting"),
        message: `${text(row.get("Setting"))} is given twice; the first one counts.`,
      });
      continue;
    }
    seen.add(name);
    const typed = text(value);
    if (typed === "") continue;
    if (name === "currency") {
      if (isCurrencyCode(typed)) figures.currency = typed.toUpperCase();
      else
        warnings.push({
          rule: "invalid-value",
          cell: where,
          message: `Currency must be a three-letter ISO 4217 code such as USD or EUR (it is ${describeValue(value)}); ${figures.currency} is used.`,
        });
    } else if (name === "locale") {
      if (isLocale(typed)) figures.locale = typed;
      else
        warnings.push({
          rule: "invalid-value",
          cell: where,
          message: `Locale must be a language tag such as en-US or de-DE (it is ${describeValue(value)}); ${figures.locale} is used.`,
        });
    } else {
      warnings.push({
        rule: "invalid-value",
        cell: row.cell("Setting"),
        message: `Unknown setting "${text(row.get("Setting"))}" on the ${SETTINGS_SHEET} sheet: it is ignored (known: Currency, Locale).`,
      });
    }
  }
  return { figures, warnings };
}
