/**
 * How the playground's grid preview shows a cell: its value under its Excel number format, as
 * Excel would display it for the formats CompAlign writes (percent, currency, thousands,
 * fixed decimals, dates, text). Unknown formats fall back to General. Pure, no DOM.
 */
import { serialToDate } from "../../workbook/excelDate";
import type { SheetValue } from "../../workbook/port";

/** What Excel's General format shows: integers as they are, others to 10 significant digits. */
function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const short = Number(value.toPrecision(10));
  return Math.abs(short) >= 1e11 || (short !== 0 && Math.abs(short) < 1e-9)
    ? short.toExponential(2).toUpperCase()
    : String(short);
}

const isDateFormat = (format: string) => {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[yd]/i.test(bare) || /m{3,}/i.test(bare);
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date serial under a date format: "d-mmm-yy" style formats spell the month, others are ISO. */
function dateText(serial: number, format: string): string {
  const date = serialToDate(serial);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  if (/mmm/i.test(format)) return `${d} ${MONTHS[m]} ${y}`;
  return `${y}-${pad(m + 1)}-${pad(d)}`;
}

/**
 * `toLocaleString("en-US", …)` with one formatter per option set: the preview formats every
 * visible cell on each render, and toLocaleString builds a new formatter on every call.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormatter(decimals: number, grouping: boolean): Intl.NumberFormat {
  const key = `${decimals}|${grouping}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouping,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A number under a numeric format such as "$#,##0", "0.0%", "#,##0.00" or "0.000". */
function numberText(value: number, format: string): string {
  const sections = format.split(";");
  const negative = value < 0;
  // A second section is the negative format (shown without a minus sign of its own).
  const section = negative && sections.length > 1 ? sections[1] : sections[0];
  const literal = section.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  const digits = literal.search(/[0#?]/);
  if (digits < 0) return general(value);
  const lastDigit = Math.max(
    literal.lastIndexOf("0"),
    literal.lastIndexOf("#"),
    literal.lastIndexOf("?")
  );
  const body = literal.slice(digits, lastDigit + 1);
  const prefix = literal.slice(0, digits).replace(/[_*]./g, "");
  const suffix = literal.slice(lastDigit + 1).replace(/[_*]./g, "");
  const percent = literal.includes("%");
  const decimals = (body.split(".")[1] ?? "").replace(/[^0#?]/g, "").length;
  const grouping = body.includes(",");
  const shown = Math.abs(value) * (percent ? 100 : 1);
  const text = numberFormatter(decimals, grouping).format(shown);
  const sign = negative && sections.length === 1 && Number(text.replace(/[^0-9.]/g, "")) !== 0;
  return `${sign ? "-" : ""}${prefix}${text}${suffix}`;
}

/** The text a cell shows: booleans as TRUE/FALSE, numbers under their format, blanks as "". */
export function cellText(value: SheetValue, numberFormat: string | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const format = numberFormat?.trim() ?? "";
  if (format === "" || /^general$/i.test(format) || format === "@") return general(value);
  if (isDateFormat(format)) return dateText(value, format);
  return numberText(value, format);
}
