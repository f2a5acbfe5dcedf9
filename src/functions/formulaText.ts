/**
 * Formula text as files store it → formula text the headless engine understands. Excel saves
 * an add-in function as `_xldudf_COMP_PAYOUT(` and newer built-ins with `_xlfn.` / `_xlws.`
 * prefixes (`_xlfn.STDEV.S(`, `_xlfn._xlws.FILTER(`); typed formulas say `COMP.PAYOUT(` and
 * `STDEV.S(`. String literals ("...") and quoted sheet names ('...') are left as they are.
 */

/** Splits formula text into code and quoted parts ("..." strings, '...' sheet names). */
function segments(formula: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < formula.length) {
    const quote = formula[i];
    if (quote === '"' || quote === "'") {
      // A doubled quote inside a quoted part is an escaped quote, not its end.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === quote && formula[j + 1] !== quote))
        j += formula[j] === quote ? 2 : 1;
      out.push({ text: formula.slice(i, j + 1), quoted: true });
      i = j + 1;
    } else {
      let j = i;
      while (j < formula.length && formula[j] !== '"' && formula[j] !== "'") j++;
      out.push({ text: formula.slice(i, j), quoted: false });
      i = j;
    }
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Rewrites the code parts of a formula, leaving quoted parts untouched. */
export function mapCode(formula: string, rewrite: (code: string) => string): string {
  return segments(formula)
    .map((part) => (part.quoted ? part.text : rewrite(part.text)))
    .join("");
}

/**
 * Normalises a formula for the headless engine: `_xldudf_<NS>_NAME(` → `<NS>.NAME(`
 * (case-insensitive); Excel's `_xlfn.`, `_xlws.` and `_xlpm.` prefixes removed; the logical
 * constants TRUE and FALSE written TRUE() and FALSE(), the only form HyperFormula reads (it
 * takes a bare TRUE for a defined name); a number's exponent written with a lower-case e
 * (`1E5` → `1e5`: HyperFormula reads only that, Excel both). A leading "=" is kept if present.
 */
export function normalizeFormula(formula: string, namespace = "COMP"): string {
  const udf = new RegExp(
    `(?<![\\w.])_xldudf_${escapeRegExp(namespace)}_(?=[A-Za-z0-9_.]*\\s*\\()`,
    "gi"
  );
  const prefixes = /(?<![\w.])(?:_xlfn\.|_xlws\.|_xlpm\.)+/gi;
  const logical = /(?<![\w.$\]])(TRUE|FALSE)(?![\w.$(![])/gi;
  // A number, not a reference: nothing word-like before its digits (A1E5 is no number).
  const exponent = /(?<![\w.$])(\d+(?:\.\d*)?|\.\d+)E(?=[+-]?\d)/g;
  return mapCode(formula, (code) =>
    code
      .replace(udf, `${namespace}.`)
      .replace(prefixes, "")
      .replace(logical, "$1()")
      .replace(exponent, "$1e")
  );
}
