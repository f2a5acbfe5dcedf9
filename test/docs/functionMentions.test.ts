/**
 * Every COMP function the README and docs/*.md name, in prose and examples as well as in the
 * generated reference, is in the catalogue, and every call they write gives it a number of
 * arguments it accepts.
 */
import { DOCS, readDoc } from "./docFiles";
import { catalog, findFunction } from "../../src/functions/catalog";

/** The top-level arguments of the call whose "(" is at `open` (commas inside (), {} skipped). */
function argumentCount(text: string, open: number): number | null {
  let depth = 0;
  let count = 1;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") {
      depth--;
      if (depth === 0) return text.slice(open + 1, i).trim() === "" ? 0 : count;
    } else if (ch === "," && depth === 1) count++;
    else if (ch === "\n" || ch === "`") return null; // not a complete call on one line
  }
  return null;
}

test.each(DOCS)(
  "%s names only catalogue functions, called with an accepted argument count",
  (doc) => {
    const text = readDoc(doc);
    const problems: string[] = [];
    for (const m of text.matchAll(/\bCOMP\.([A-Z][A-Z0-9_.]*[A-Z0-9])(\()?/g)) {
      const spec = findFunction(m[1]);
      if (!spec) {
        problems.push(`COMP.${m[1]} is not a catalogue function`);
        continue;
      }
      if (!m[2]) continue;
      const n = argumentCount(text, m.index! + m[0].length - 1);
      if (n === null) continue;
      const required = spec.params.filter((p) => !p.optional).length;
      if (n < required || n > spec.params.length)
        problems.push(
          `COMP.${m[1]} called with ${n} arguments; it takes ${required} to ${spec.params.length}`
        );
    }
    expect(problems).toEqual([]);
  }
);

test("the catalogue's names are what the docs can name", () => {
  expect(catalog.length).toBeGreaterThan(10);
  expect(findFunction("COMP.PAYOUT")?.name).toBe("PAYOUT");
  expect(findFunction("COMP.NOPE")).toBeUndefined();
});
