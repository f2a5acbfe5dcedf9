/**
 * Number formats and colours CompAlign writes, in one place so every sheet looks alike. The
 * figures' formats come from src/engine/figures.ts, the one formatter the pane and the CLI use
 * too, so a figure has the same digits on a sheet and in the pane. `percent` (whole percent) is
 * for plan inputs (weights, priorities); measured shares use `percent1`.
 */
import { COUNT_FORMAT, INDEX_FORMAT, PERCENT_FORMAT, moneyFormatCode } from "../engine/figures";

export const FORMATS = {
  percent: "0%",
  percent1: PERCENT_FORMAT,
  /** Whole units of the default currency (USD); `moneyFormatCode(settings)` for another. */
  currency: moneyFormatCode(),
  number: COUNT_FORMAT,
  decimal: INDEX_FORMAT,
  index: INDEX_FORMAT,
  text: "@",
} as const;

export const COLORS = {
  brand: "#0F6CBD",
  good: "#63BE7B",
  neutral: "#FFFFFF",
  bad: "#F8696B",
} as const;

export const TABLE_STYLE = "TableStyleMedium2";
