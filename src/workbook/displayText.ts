/**
 * The text a cell shows: its value through its Excel number format, as far as CompAlign's
 * reports use formats (General, "0", "0.00", "#,##0", "$#,##0", "0.0%", "+$#,##0;-$#,##0;$0",
 * quoted literals, "@", dates). The layout pass sizes columns from it, so it only has to be as
 * long as Excel's text, character for character; it is not a full format engine.
 */
import type { SheetValue } from "./port";

/** Splits a format into its ;-separated sections, ignoring ; inside quotes or after a backslash. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === "\\" && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** General: up to 11 characters, as Excel shows a number in a General cell. */
function general(value: number): string {
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 1e11) return String(value);
  if (abs >= 1e-4 && abs < 1e11) {
    const whole = String(Math.trunc(abs)).length + (value < 0 ? 1 : 0);
    const text = value.toFixed(Math.max(0, 10 - whole));
    return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
  }
  return value.toExponential(5).replace(/\.?0+e/, "E");
}

function withThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** One numeric section applied to a non-negative number (the sign is the section's business). */
function numericSection(section: string, value: number): string {
  // Literal text: quoted strings, backslash escapes; [colour] and [conditions] show nothing.
  let literalBefore = "";
  let literalAfter = "";
  let pattern = "";
  let seenDigit = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === "[") {
      i = section.indexOf("]", i);
      if (i < 0) break;
      continue;
    }
    let literal: string | null = null;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      literal = section[++i] ?? "";
    } else if (ch === "_") {
      literal = " ";
      i++;
    } else if (ch === "*") {
      i++;
      literal = "";
    } else if ("0#?.,%".includes(ch)) {
      pattern += ch;
      if (ch !== "%") seenDigit = true;
      continue;
    } else {
      literal = ch;
    }
    if (seenDigit) literalAfter += literal;
    else literalBefore += literal;
  }
  const percents = (pattern.match(/%/g) ?? []).length;
  const digits = pattern.replace(/%/g, "");
  const [intPart, fracPart = ""] = digits.split(".");
  const decimals = (fracPart.match(/[0#?]/g) ?? []).length;
  const grouping = /[0#?],[0#?]/.test(intPart);
  const scaled = value * 100 ** percents;
  let text = scaled.toFixed(decimals);
  let [whole, frac = ""] = text.split(".");
  const minInt = (intPart.match(/0/g) ?? []).length;
  if (whole === "0" && minInt === 0) whole = "";
  if (grouping) whole = withThousands(whole);
  text = frac ? `${whole}.${frac}` : whole;
  return `${literalBefore}${text}${"%".repeat(percents)}${literalAfter}`;
}

const DATE_CODES = /(?<!\\)[ymdhs]/i;

/** The text Excel shows for `value` under `format` (null: General). */
export function displayText(value: SheetValue, format: string | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  if (format === null || format === "" || /^general$/i.test(format) || format === "@") {
    return general(value);
  }
  const parts = sections(format);
  const stripped = parts[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  if (DATE_CODES.test(stripped) && !/[0#?]/.test(stripped)) {
    // A date or time: the format's own length is the shown length (yyyy-mm-dd → 10).
    return parts[0].replace(/"([^"]*)"|\\(.)|\[[^\]]*\]/g, "$1$2").replace(/mmmm/gi, "September");
  }
  if (value < 0 && parts.length >= 2) return numericSection(parts[1], -value);
  if (value === 0 && parts.length >= 3) return numericSection(parts[2], 0);
  const shown = numericSection(parts[0], Math.abs(value));
  // A single section shows a minus sign itself (unless the number rounds to zero).
  return value < 0 && /[1-9]/.test(shown) ? `-${shown}` : shown;
}
