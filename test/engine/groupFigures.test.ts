/**
 * The linear-time group figures agree with the plain definitions (sort for medians, the
 * distribution module's Spearman per group) on random data with ties, empty and single groups.
 */
import fc from "fast-check";
import { spearman } from "../../src/engine/distribution";
import { groupSpearman, levelStats, type Grouping } from "../../src/engine/groupFigures";

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

// Small integers make ties common.
const rows = fc.array(
  fc.record({
    g: fc.integer({ min: -1, max: 3 }),
    x: fc.integer({ min: 0, max: 6 }),
    y: fc.integer({ min: 0, max: 6 }),
    ok: fc.boolean(),
  }),
  { maxLength: 60 }
);

const grouping = (gs: number[]): Grouping => ({
  of: Int32Array.from(gs),
  labels: ["a", "b", "c", "d"],
});

test("levelStats: count, share at or above the level and median per group", () => {
  fc.assert(
    fc.property(rows, (rs) => {
      const values = Float64Array.from(rs, (r) => (r.ok ? r.x / 4 : NaN));
      const stats = levelStats(values, grouping(rs.map((r) => r.g)), 1);
      stats.forEach((s, g) => {
        const mine = rs.filter((r) => r.g === g && r.ok).map((r) => r.x / 4);
        expect(s.count).toBe(mine.length);
        expect(s.median).toBe(median(mine));
        expect(s.shareAtOrAbove).toBe(
          mine.length ? mine.filter((v) => v >= 1).length / mine.length : null
        );
      });
    })
  );
});

test("groupSpearman equals Spearman of each group's values", () => {
  fc.assert(
    fc.property(rows, (rs) => {
      const x = Float64Array.from(rs, (r) => r.x);
      const y = Float64Array.from(rs, (r) => r.y);
      const eligible = Uint8Array.from(rs, (r) => (r.ok ? 1 : 0));
      const got = groupSpearman(x, y, eligible, grouping(rs.map((r) => r.g)));
      got.forEach((rho, g) => {
        const mine = rs.filter((r) => r.g === g && r.ok);
        const want = spearman(
          mine.map((r) => r.x),
          mine.map((r) => r.y)
        );
        if (want === null) expect(rho).toBeNull();
        else expect(rho).toBeCloseTo(want, 12);
      });
    })
  );
});
