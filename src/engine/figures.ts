/**
 * One formatter for the whole product: how a percentage, an amount of money, an index and a
 * count read — in the task pane, in CLI text and in the number formats CompAlign writes on its
 * sheets — so the same figure reads the same everywhere (digits here and in the Excel format
 * code agree). Currency and locale come from the workbook (the Settings sheet's `Currency`,
 * src/model/readWorkbookSettings.ts; default USD, en-US). Pure: Intl only, no clock.
 *
 * - percent: one decimal ("58.1%"), Excel "0.0%";
 * - money: whole currency units ("$22,814,230", "22.814.230 €"), Excel from the currency;
 * - index (alignment index, Gini, correlations): two decimals ("0.68"), Excel "0.00";
 * - count: grouped whole number ("1,204"), Excel "#,##0".
 * In sentences (curve points, weights, bands), `pct` drops a trailing ".0" ("40%", "12.5%").
 */

export const DEFAULT_CURRENCY = "USD";
export const DEFAULT_LOCALE = "en-US";

export const PERCENT_DIGITS = 1;
export const INDEX_DIGITS = 2;

/** Excel number format codes matching the text formatters below. */
export const PERCENT_FORMAT = "0.0%";
export const INDEX_FORMAT = "0.00";
export const COUNT_FORMAT = "#,##0";

export interface FigureSettings {
  /** ISO 4217 code, e.g. "USD", "EUR". */
  currency: string;
  /** BCP 47 locale for digits and separators, e.g. "en-US", "de-DE". */
  locale: string;
}

export const DEFAULT_FIGURE_SETTINGS: FigureSettings = {
  currency: DEFAULT_CURRENCY,
  locale: DEFAULT_LOCALE,
};

/** True when Intl knows the code as a currency ("EUR"); false for "EURO", "", "$". */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Za-z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}

export const NOT_AVAILABLE = "n/a";

type Maybe = number | null | undefined;

export interface Figures {
  settings: FigureSettings;
  /** 0.6193 → "61.9%"; null → "n/a". */
  percent(value: Maybe): string;
  /** 22814229.6 → "$22,814,230". */
  money(value: Maybe): string;
  /** −792589 → "-$792,589"; +1200 → "+$1,200"; 0 → "$0". */
  signedMoney(value: Maybe): string;
  /** 0.6813 → "0.68". */
  index(value: Maybe): string;
  /** 1204 → "1,204". */
  count(value: Maybe): string;
  /** The Excel number format for money in this currency ("$#,##0", "#,##0 €"). */
  moneyFormat: string;
}

const orNA =
  (format: (n: number) => string) =>
  (value: Maybe): string =>
    value === null || value === undefined || !Number.isFinite(value)
      ? NOT_AVAILABLE
      : format(value);

/**
 * The Excel number format for whole amounts of `currency`, with the symbol where the locale
 * puts it: "$#,##0" (USD, en-US), "€#,##0" (EUR, en-US), "#,##0 €" (EUR, de-DE).
 */
export function moneyFormatCode(settings: FigureSettings = DEFAULT_FIGURE_SETTINGS): string {
  const { symbol, before, gap } = currencySymbol(settings);
  const quoted = symbol === "$" ? "$" : `"${symbol}"`;
  return before ? `${quoted}${gap}#,##0` : `#,##0${gap}${quoted}`;
}

/**
 * The currency's symbol as the locale writes it ("$", "€", "CHF"), whether it goes before the
 * number, and the gap between them ("" or " ").
 */
export function currencySymbol(settings: FigureSettings = DEFAULT_FIGURE_SETTINGS): {
  symbol: string;
  before: boolean;
  gap: string;
} {
  const parts = new Intl.NumberFormat(settings.locale, {
    style: "currency",
    currency: settings.currency,
    maximumFractionDigits: 0,
  }).formatToParts(1000);
  const symbol = parts.find((p) => p.type === "currency")?.value ?? settings.currency;
  const symbolAt = parts.findIndex((p) => p.type === "currency");
  const integerAt = parts.findIndex((p) => p.type === "integer");
  const spaced = parts.some((p) => p.type === "literal" && /\s/.test(p.value));
  return { symbol, before: symbolAt < integerAt, gap: spaced ? " " : "" };
}

/** A money amount written with the currency's symbol where the locale puts it: "$24.1M", "24.1M €". */
export function withCurrencySymbol(
  amount: string,
  negative: boolean,
  settings: FigureSettings = DEFAULT_FIGURE_SETTINGS
): string {
  const { symbol, before, gap } = currencySymbol(settings);
  return `${negative ? "-" : ""}${before ? `${symbol}${gap}${amount}` : `${amount}${gap}${symbol}`}`;
}

const cache = new Map<string, Figures>();

/** The formatters for a workbook's currency and locale (cached per pair). */
export function figures(settings: FigureSettings = DEFAULT_FIGURE_SETTINGS): Figures {
  const key = `${settings.currency}|${settings.locale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { locale, currency } = settings;
  const percent = new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: PERCENT_DIGITS,
    maximumFractionDigits: PERCENT_DIGITS,
  });
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  });
  const signed = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
    signDisplay: "exceptZero",
  });
  const index = new Intl.NumberFormat(locale, {
    minimumFractionDigits: INDEX_DIGITS,
    maximumFractionDigits: INDEX_DIGITS,
  });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const made: Figures = {
    settings,
    percent: orNA((n) => percent.format(n)),
    money: orNA((n) => money.format(n)),
    signedMoney: orNA((n) => signed.format(Math.round(n) === 0 ? 0 : n)),
    index: orNA((n) => index.format(n)),
    count: orNA((n) => count.format(n)),
    moneyFormat: moneyFormatCode(settings),
  };
  cache.set(key, made);
  return made;
}

/**
 * A share as a percentage in a sentence: `digits` decimals (the figure's one by default) without
 * trailing zeros ("40%", "12.5%", "61.9%"), so it has the same digits as `percent` whenever the
 * figure has a decimal. Where rounding would read as exactly 0% or 100% for a share that is
 * not (a weight total of 99.98%), up to four decimals are shown.
 */
export function pct(share: number, digits: number = PERCENT_DIGITS): string {
  let shown = +(share * 100).toFixed(digits);
  for (let d = digits + 1; d <= 4 && (shown === 0 || shown === 100) && shown !== share * 100; d++) {
    shown = +(share * 100).toFixed(d);
  }
  return `${shown}%`;
}
