/**
 * The request-size estimate (chunking.ts) is computed cell by cell rather than by building each
 * row's JSON; it must equal the JSON's UTF-8 length exactly, whatever the cells hold, and
 * packRequests must size each chunk as blockPayloadBytes does.
 */
import fc from "fast-check";
import {
  blockPayloadBytes,
  chunkRows,
  packRequests,
  rowPayloadBytes,
  utf8Length,
} from "../../src/workbook/chunking";
import type { Block } from "../../src/workbook/port";

/** The estimate as defined: the UTF-8 length of the row's JSON, plus the text apostrophes. */
function byDefinition(block: Block, r: number): number {
  const values = block.values[r];
  let bytes = utf8Length(JSON.stringify(values)) + 1;
  for (const value of values) if (typeof value === "string") bytes += 1;
  if (block.formulas) bytes += utf8Length(JSON.stringify(block.formulas[r])) + 1;
  return bytes;
}

const cell = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom('say "hi"', "back\\slash", "tab\there", "line\nbreak", "€100", "😀", "\ud800")
);

describe("request-size estimate", () => {
  it("equals the UTF-8 length of each row's JSON", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (values, withFormulas) => {
          const block: Block = {
            at: "A1",
            values,
            ...(withFormulas
              ? {
                  formulas: values.map((row) =>
                    row.map((v) => (typeof v === "string" ? "=A1" : null))
                  ),
                }
              : {}),
          };
          values.forEach((_, r) =>
            expect(rowPayloadBytes(block, r, 0)).toBe(byDefinition(block, r))
          );
        }
      ),
      { numRuns: 300 }
    );
  });

  it("packs chunks sized as blockPayloadBytes sizes them", () => {
    const values = Array.from({ length: 3000 }, (_, r) => [
      `Rep ${r} "quoted"`,
      r * 1.5,
      r % 2 === 0,
    ]);
    const block: Block = { at: "B2", values, numberFormats: [null, "0.0%", null] };
    const limit = 20_000;
    const chunks = chunkRows(block, limit);
    expect(chunks.length).toBeGreaterThan(3);
    chunks.forEach((c) => expect(blockPayloadBytes(c)).toBeLessThanOrEqual(limit));
    const requests = packRequests([block, { at: "H1", values: [["x"]] }], limit);
    expect(requests.flat().slice(0, chunks.length)).toEqual(chunks);
    for (const request of requests)
      expect(request.reduce((n, b) => n + blockPayloadBytes(b), 0)).toBeLessThanOrEqual(limit);
    // The small block shares the last chunk's request when it fits.
    const last = chunks[chunks.length - 1];
    const fits =
      blockPayloadBytes(last) + blockPayloadBytes({ at: "H1", values: [["x"]] }) <= limit;
    expect(requests.length).toBe(chunks.length + (fits ? 0 : 1));
  });
});
