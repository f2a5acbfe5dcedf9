/**
 * Per-element cost of COMP.ATTAINMENT, COMP.CURVE and COMP.COMMISSION on 1,000,000-element
 * inputs, called exactly as Excel calls them (a 1,000,000 × 1 column of cells in, a column
 * out), against hand-written Float64Array loops doing the same arithmetic, in the same run.
 * Uses the compiled lib/ (npm run prepare).
 */
const { performance } = require("node:perf_hooks");
const path = require("node:path");

const lib = path.join(__dirname, "..", "lib");
const { findFunction } = require(path.join(lib, "functions", "catalog"));

const N = 1_000_000;
const CURVE = [
  [0.5, 0],
  [0.8, 0.5],
  [1, 1],
  [1.2, 1.6],
  [1.5, 2],
];
const TIERS = [
  [0, 0.03],
  [300000, 0.05],
  [500000, 0.07],
  [800000, 0.09],
];

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same inputs. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Best of `runs` timings after one warm-up, in ms. */
function best(fn, runs = 5) {
  fn();
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

function stepIndex(points, x) {
  let lo = 0;
  let hi = points.length - 1;
  if (x < points[0]) return -1;
  if (x >= points[hi]) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (points[mid] <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

function handAttainment(actual, quota, out) {
  for (let i = 0; i < actual.length; i++) {
    const q = quota[i];
    out[i] = q > 0 ? actual[i] / q : NaN;
  }
}

function handCurve(att, points, rates, out) {
  const last = points.length - 1;
  for (let i = 0; i < att.length; i++) {
    const a = att[i];
    const k = stepIndex(points, a);
    if (k < 0) out[i] = 0;
    else if (k === last) out[i] = rates[last];
    else
      out[i] =
        rates[k] + ((a - points[k]) * (rates[k + 1] - rates[k])) / (points[k + 1] - points[k]);
  }
}

function handCommission(amount, bounds, rates, cumulative, out) {
  for (let i = 0; i < amount.length; i++) {
    const x = amount[i];
    const k = stepIndex(bounds, x);
    out[i] = k < 0 ? 0 : cumulative[k] + (x - bounds[k]) * rates[k];
  }
}

/**
 * The least any function taking and returning Excel's column shape can cost: read each cell of
 * a 1,000,000 × 1 input and build the 1,000,000 × 1 result, with no arithmetic.
 */
function shapeFloor(cells) {
  const out = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = [cells[i][0]];
  return out;
}

function column(values) {
  const out = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = [values[i]];
  return out;
}

function benchFunctions(n = N) {
  const rnd = random(42);
  const actual = Float64Array.from({ length: n }, () => rnd() * 2_000_000);
  const quota = Float64Array.from({ length: n }, () => 500_000 + rnd() * 1_000_000);
  const attainment = Float64Array.from({ length: n }, () => rnd() * 2);
  const out = new Float64Array(n);
  const points = Float64Array.from(CURVE, (r) => r[0]);
  const rates = Float64Array.from(CURVE, (r) => r[1]);
  const bounds = Float64Array.from(TIERS, (r) => r[0]);
  const tierRates = Float64Array.from(TIERS, (r) => r[1]);
  const cumulative = new Float64Array(bounds.length);
  for (let i = 1; i < bounds.length; i++)
    cumulative[i] = cumulative[i - 1] + (bounds[i] - bounds[i - 1]) * tierRates[i - 1];

  const cells = { actual: column(actual), quota: column(quota), attainment: column(attainment) };
  const fns = {
    ATTAINMENT: findFunction("ATTAINMENT"),
    CURVE: findFunction("CURVE"),
    COMMISSION: findFunction("COMMISSION"),
  };

  // The two implementations must agree before their speed means anything.
  const check = (name, got, expected) => {
    for (let i = 0; i < n; i += 997) {
      if (Math.abs(got[i][0] - expected[i]) > 1e-9 * Math.max(1, Math.abs(expected[i]))) {
        throw new Error(
          `${name} disagrees with the hand loop at ${i}: ${got[i][0]} vs ${expected[i]}`
        );
      }
    }
  };
  const cases = [
    {
      name: "COMP.ATTAINMENT",
      comp: () => fns.ATTAINMENT.impl(cells.actual, cells.quota),
      hand: () => handAttainment(actual, quota, out),
    },
    {
      name: "COMP.CURVE",
      comp: () => fns.CURVE.impl(cells.attainment, CURVE, null, null),
      hand: () => handCurve(attainment, points, rates, out),
    },
    {
      name: "COMP.COMMISSION",
      comp: () => fns.COMMISSION.impl(cells.actual, TIERS, null, null),
      hand: () => handCommission(actual, bounds, tierRates, cumulative, out),
    },
  ];
  const floorMs = best(() => shapeFloor(cells.actual));
  const rowOf = (cellsColumn) => [cellsColumn.map((c) => c[0])];
  const rows = {
    actual: rowOf(cells.actual),
    quota: rowOf(cells.quota),
    attainment: rowOf(cells.attainment),
  };
  const rowCalls = {
    "COMP.ATTAINMENT": () => fns.ATTAINMENT.impl(rows.actual, rows.quota),
    "COMP.CURVE": () => fns.CURVE.impl(rows.attainment, CURVE, null, null),
    "COMP.COMMISSION": () => fns.COMMISSION.impl(rows.actual, TIERS, null, null),
  };
  return cases.map(({ name, comp, hand }) => {
    hand();
    check(name, comp(), out);
    const compMs = best(comp);
    const handMs = best(hand);
    const rowMs = best(rowCalls[name]);
    return {
      name,
      elements: n,
      compNsPerElement: (compMs * 1e6) / n,
      handNsPerElement: (handMs * 1e6) / n,
      ratio: compMs / handMs,
      /** Cost beyond merely reading and building Excel's column shape, against the hand loop. */
      ratioAboveShapeFloor: (compMs - floorMs) / handMs,
      shapeFloorNsPerElement: (floorMs * 1e6) / n,
      /** The same call on a 1 × 1,000,000 row (one array in, one array out). */
      rowNsPerElement: (rowMs * 1e6) / n,
      rowRatio: rowMs / handMs,
    };
  });
}

module.exports = { benchFunctions };

function printFunctions(results) {
  console.log(
    "COMP functions on 1,000,000 elements (best of 5), against a Float64Array hand loop:"
  );
  console.log(
    "function          column ns/el  hand ns/el  ratio  above-shape-floor  row ns/el  row ratio"
  );
  for (const r of results) {
    console.log(
      [
        r.name.padEnd(16),
        r.compNsPerElement.toFixed(1).padStart(12),
        r.handNsPerElement.toFixed(1).padStart(11),
        `${r.ratio.toFixed(2)}×`.padStart(6),
        `${r.ratioAboveShapeFloor.toFixed(2)}×`.padStart(18),
        r.rowNsPerElement.toFixed(1).padStart(10),
        `${r.rowRatio.toFixed(2)}×`.padStart(10),
      ].join(" ")
    );
  }
  console.log(
    `shape floor (read a 1,000,000 × 1 column, build one): ${results[0].shapeFloorNsPerElement.toFixed(1)} ns/element`
  );
}

module.exports.printFunctions = printFunctions;

if (require.main === module) printFunctions(benchFunctions());
