/**
 * Number formats and colours CompAlign writes, in one place so every sheet looks alike. The
 * figures' formats come from src/engine/figures.ts, the one formatter the pane and the CLI use
 * too, so a figure has the same digits on a sheet and in the pane. `percent` (whole percent) is
 * for plan inputs (weights, priorities); measured shares use `percent1`.
 *
 * Money is in the workbook's currency (its Settings sheet, src/model/readWorkbookSettings.ts):
 * report specs are built with the default formats below (USD) and `inWorkbookCurrency` turns
 * every money format of a spec into the workbook's before it is written, so no report can keep
 * a "$" on a EUR workbook by forgetting to pass the settings down.
 */
import {
  COUNT_FORMAT,
  DEFAULT_FIGURE_SETTINGS,
  INDEX_FORMAT,
  PERCENT_FORMAT,
  moneyFormatCode,
  type FigureSettings,
} from "../engine/figures";
import type { SheetSpec } from "../workbook/port";

/** The money formats for a currency: whole units, signed whole units, and 3 decimals (a rate per unit of money). */
export function moneyFormats(settings: FigureSettings = DEFAULT_FIGURE_SETTINGS) {
  const currency = moneyFormatCode(settings);
  return {
    /** "$#,##0", "#,##0 "€"" */
    currency,
    /** "+" and "-" shown, zero plain: "+$#,##0;-$#,##0;$0". */
    signedCurrency: signedOf(currency),
    /**
     * Money per unit (incentive cost per gross-margin dollar, marginal pay per unit of quota),
     * three decimals as `figures().moneyPerUnit` writes it: "$#,##0.000".
     */
    currencyPerUnit: currency.replace("#,##0", "#,##0.000"),
    /** A change in money per unit, signed: "+$#,##0.000;-$#,##0.000;$0.000". */
    signedCurrencyPerUnit: signedOf(currency.replace("#,##0", "#,##0.000")),
  };
}

/** "+" and "-" shown, zero plain: "+0.0%;-0.0%;0.0%". Money has its own zero ("$0", not "$#,##0"). */
function signedOf(format: string): string {
  return `+${format};-${format};${format.replace("#,##0", "0")}`;
}

const DEFAULT_MONEY = moneyFormats();

export const FORMATS = {
  percent: "0%",
  percent1: PERCENT_FORMAT,
  /** Whole units of the default currency (USD); `inWorkbookCurrency` turns it into the workbook's. */
  currency: DEFAULT_MONEY.currency,
  signedCurrency: DEFAULT_MONEY.signedCurrency,
  currencyPerUnit: DEFAULT_MONEY.currencyPerUnit,
  signedCurrencyPerUnit: DEFAULT_MONEY.signedCurrencyPerUnit,
  number: COUNT_FORMAT,
  decimal: INDEX_FORMAT,
  index: INDEX_FORMAT,
  text: "@",
} as const;

/**
 * The spec with every money format in the workbook's currency and locale (the same spec when
 * that is the default). Other formats (percent, index, count) do not depend on the currency.
 */
export function inWorkbookCurrency(spec: SheetSpec, settings: FigureSettings): SheetSpec {
  const to = moneyFormats(settings);
  if (to.currency === DEFAULT_MONEY.currency) return spec;
  const swap = new Map<string, string>([
    [DEFAULT_MONEY.currency, to.currency],
    [DEFAULT_MONEY.signedCurrency, to.signedCurrency],
    [DEFAULT_MONEY.currencyPerUnit, to.currencyPerUnit],
    [DEFAULT_MONEY.signedCurrencyPerUnit, to.signedCurrencyPerUnit],
  ]);
  return {
    ...spec,
    blocks: spec.blocks.map((block) =>
      block.numberFormats
        ? {
            ...block,
            numberFormats: block.numberFormats.map((f) => (f === null ? null : (swap.get(f) ?? f))),
          }
        : block
    ),
  };
}

/**
 * The signed form of a figure's format, for a change (Δ vs Baseline): "+$1,285,620" and "+6.3%"
 * read as changes, where "$1,285,620" would read as a level. Money formats map to their signed
 * money formats (so `inWorkbookCurrency` still finds them); a format that already has sections
 * is kept.
 */
export function signedFormat(format: string): string {
  if (format.includes(";")) return format;
  if (format === FORMATS.currency) return FORMATS.signedCurrency;
  if (format === FORMATS.currencyPerUnit) return FORMATS.signedCurrencyPerUnit;
  return signedOf(format);
}

/** What a figure the data cannot give shows instead of a number (a blank cell would say nothing). */
export const NOT_MEASURED = "n/a";

export const COLORS = {
  brand: "#0F6CBD",
  good: "#63BE7B",
  neutral: "#FFFFFF",
  bad: "#F8696B",
} as const;

export const TABLE_STYLE = "TableStyleMedium2";
