/**
 * Moving a formula by a number of rows and columns, as Excel does when it fills a formula down
 * or across: relative references move, `$`-anchored parts stay. Files store a filled-down
 * formula once (a shared formula) and each other cell of the fill refers to it, so reading
 * such a file means moving the stored formula to every cell of the fill.
 *
 * String literals, quoted sheet names, structured references ([...]) and function names are
 * never touched; a reference moved off the sheet becomes #REF!, as in Excel.
 */
import { columnIndex, columnLetters, MAX_COLS, MAX_ROWS } from "./a1";

type Token = { kind: "opaque" | "word" | "other"; text: string };

const WORD_CHAR = /[\p{L}\p{N}_.$\\]/u;

function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let j = start + 1;
  while (j < text.length) {
    if (text[j] === quote) {
      if (text[j + 1] !== quote) return j;
      j += 2;
    } else j++;
  }
  return text.length - 1;
}

function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let j = start; j < text.length; j++) {
    if (text[j] === "[") depth++;
    else if (text[j] === "]" && --depth === 0) return j;
  }
  return text.length - 1;
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    let end: number;
    if (ch === '"' || ch === "'") end = closingQuote(formula, i);
    else if (ch === "[") end = closingBracket(formula, i);
    else if (WORD_CHAR.test(ch)) {
      end = i;
      while (end + 1 < formula.length && WORD_CHAR.test(formula[end + 1])) end++;
      tokens.push({ kind: "word", text: formula.slice(i, end + 1) });
      i = end + 1;
      continue;
    } else {
      tokens.push({ kind: "other", text: ch });
      i++;
      continue;
    }
    tokens.push({ kind: "opaque", text: formula.slice(i, end + 1) });
    i = end + 1;
  }
  return tokens;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d+)$/;

function moveColumn(dollar: string, letters: string, by: number): string | null {
  const col = columnIndex(letters) + (dollar ? 0 : by);
  return col < 0 || col >= MAX_COLS ? null : dollar + columnLetters(col);
}

function moveRow(dollar: string, digits: string, by: number): string | null {
  const row = Number(digits) + (dollar ? 0 : by);
  return row < 1 || row > MAX_ROWS ? null : dollar + row;
}

function isValidCell(letters: string, digits: string): boolean {
  const row = Number(digits);
  return columnIndex(letters) < MAX_COLS && row >= 1 && row <= MAX_ROWS;
}

/** The word on the other side of a ":" next to token i, if any. */
function rangePartner(tokens: Token[], i: number): Token | undefined {
  if (tokens[i + 1]?.text === ":" && tokens[i + 2]?.kind === "word") return tokens[i + 2];
  if (tokens[i - 1]?.text === ":" && tokens[i - 2]?.kind === "word") return tokens[i - 2];
  return undefined;
}

function nextNonSpace(tokens: Token[], i: number): Token | undefined {
  let j = i + 1;
  while (tokens[j]?.text === " ") j++;
  return tokens[j];
}

/** The moved text of word token i, or its own text when it is not a reference. */
function moveWord(tokens: Token[], i: number, rows: number, cols: number): string {
  const text = tokens[i].text;
  const next = nextNonSpace(tokens, i)?.text;
  if (next === "(" || tokens[i + 1]?.text === "!") return text;
  const cell = CELL.exec(text);
  if (cell && isValidCell(cell[2], cell[4])) {
    const col = moveColumn(cell[1], cell[2], cols);
    const row = moveRow(cell[3], cell[4], rows);
    return col === null || row === null ? "#REF!" : col + row;
  }
  const partner = rangePartner(tokens, i)?.text ?? "";
  const column = COLUMN.exec(text);
  if (column && COLUMN.test(partner)) return moveColumn(column[1], column[2], cols) ?? "#REF!";
  const row = ROW.exec(text);
  if (row && ROW.test(partner)) return moveRow(row[1], row[2], rows) ?? "#REF!";
  return text;
}

/** The formula as it reads after moving it `rows` down and `cols` right (negative: up, left). */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  const tokens = tokenize(formula);
  return tokens
    .map((token, i) => (token.kind === "word" ? moveWord(tokens, i, rows, cols) : token.text))
    .join("");
}
