/**
 * SpecCells (cells read from a spec's blocks, for large report sheets) holds exactly what
 * writeBlocks stores for the same spec: same cells, same fields, visited in the same order.
 */
import fc from "fast-check";
import { CellStore, type CellState } from "../../src/workbook/cellStore";
import { SpecCells, writeBlocks } from "../../src/workbook/sheetModel";
import type { Block, SheetSpec } from "../../src/workbook/port";

const visited = (cells: CellStore) => {
  const out: [number, number, CellState][] = [];
  cells.forEach((cell, r, c) => out.push([r, c, { ...cell }]));
  return out;
};

const value = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom("a", "=x", "b"),
  fc.boolean()
);
const block: fc.Arbitrary<Block> = fc
  .record({
    row: fc.integer({ min: 0, max: 4 }),
    col: fc.integer({ min: 0, max: 3 }),
    rows: fc.integer({ min: 0, max: 3 }),
    cols: fc.integer({ min: 1, max: 3 }),
    style: fc.constantFrom(undefined, "plain", "title", "header", "note"),
    withFormats: fc.boolean(),
    withFormulas: fc.boolean(),
    seed: fc.array(value, { minLength: 9, maxLength: 9 }),
  })
  .map((b) => ({
    at: `${"ABCD"[b.col]}${b.row + 1}`,
    values: Array.from({ length: b.rows }, (_, r) =>
      Array.from({ length: b.cols }, (_, c) => b.seed[(r * 3 + c) % 9])
    ),
    ...(b.withFormulas
      ? {
          formulas: Array.from({ length: b.rows }, (_, r) =>
            Array.from({ length: b.cols }, (_, c) => ((r + c) % 2 ? "=1+1" : null))
          ),
        }
      : {}),
    ...(b.withFormats
      ? { numberFormats: Array.from({ length: b.cols }, (_, c) => (c % 2 ? "0%" : null)) }
      : {}),
    ...(b.style ? { style: b.style as Block["style"] } : {}),
  }));

describe("SpecCells", () => {
  it("matches writeBlocks on overlapping blocks (cells, fields, order, used range)", () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 5 }), (blocks) => {
        const spec: SheetSpec = { name: "S", blocks };
        const stored = new CellStore();
        writeBlocks(stored, spec);
        const view = new SpecCells(spec);
        expect(visited(view)).toEqual(visited(stored));
        expect(view.values()).toEqual(stored.values());
        for (let r = 0; r < 8; r++)
          for (let c = 0; c < 7; c++) {
            expect(view.has(r, c)).toBe(stored.has(r, c));
            expect(view.get(r, c)).toEqual(stored.get(r, c));
          }
      }),
      { numRuns: 300 }
    );
  });
});
