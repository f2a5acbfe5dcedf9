/**
 * Cost-at-risk benchmark: 10,000 trials × 1,000 reps × 3 metrics × 1 scenario (30 million
 * rep-metric evaluations) through the engine (simulateCostAtRiskSync: draws, curves, per-trial
 * totals, percentiles), against a hand-written Float64Array loop doing the same draws
 * (xoshiro128** + the same inverse normal) and the same curve arithmetic; and 100,000 reps ×
 * 1,000 trials through the engine. Best of 3 after a warm-up. Uses the compiled lib/.
 */
const path = require("node:path");
const { performance } = require("node:perf_hooks");

const lib = (p) => require(path.join(__dirname, "..", "lib", p));
const { prepareRun } = lib("engine/scenarioRunner");
const { buildRiskModel, simulateCostAtRiskSync, DEFAULT_RISK_SETTINGS } = lib("engine/costAtRisk");
const { normalFromUint32, Xoshiro128 } = lib("engine/random");

const PLANS = ["Enterprise", "Mid-Market", "Inside"];
const METRICS = ["Cloud", "Core", "Multi"];
const WEIGHTS = [
  [0.3, 0.6, 0.1],
  [0.4, 0.4, 0.2],
  [0.5, 0.3, 0.2],
];
const POINTS = [0.5, 1, 1.5];
const RATES = [0, 1, 2];

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

function design() {
  const components = [];
  PLANS.forEach((plan, p) =>
    METRICS.forEach((metric, m) =>
      components.push({
        plan,
        metric,
        objective: metric,
        behavior: "",
        weight: WEIGHTS[p][m],
        curve: "Standard",
        owner: "Sales",
        why: "",
        cells: {},
      })
    )
  );
  const curve = {
    name: "Standard",
    points: POINTS,
    rates: RATES,
    method: "LINEAR",
    beyond: "CAP",
    cell: "Curves!A2",
    problem: null,
  };
  return {
    objectives: METRICS.map((name, k) => ({ name, priority: [40, 35, 25][k], why: "", cells: {} })),
    components,
    curves: new Map([["standard", curve]]),
    targetIncentiveByPlan: null,
  };
}

function reps(n) {
  const rnd = random(7);
  const column = (f) => Float64Array.from({ length: n }, f);
  const plans = Array.from({ length: n }, (_, i) => PLANS[i % 3]);
  const quota = new Map(
    METRICS.map((m) => [m.toLowerCase(), column(() => 500000 + Math.round(rnd() * 500000))])
  );
  const actual = new Map(
    METRICS.map((m) => [
      m.toLowerCase(),
      column((_, i) => Math.round(quota.get(m.toLowerCase())[i] * (0.3 + rnd() * 1.4))),
    ])
  );
  return {
    count: n,
    names: plans.map((_, i) => `Rep ${i + 1}`),
    rows: plans.map((_, i) => i + 2),
    plans,
    segments: plans.map(() => ""),
    territories: plans.map(() => ""),
    targetIncentive: column((_, i) => [60000, 40000, 20000][i % 3]),
    baseSalary: null,
    revenue: column(() => 1500000 + rnd() * 1000000),
    grossMargin: null,
    hasSegment: false,
    hasTerritory: false,
    quota,
    actual,
    describe: () => "",
  };
}

/** Best wall time and best CPU time (user + system, this process) of `runs` after a warm-up. */
function best(fn, runs = 3) {
  let result;
  let min = Infinity;
  let cpuMin = Infinity;
  for (let i = 0; i < runs + 1; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (i > 0) {
      min = Math.min(min, ms); // the first run warms up
      cpuMin = Math.min(cpuMin, (c.user + c.system) / 1000);
    }
  }
  return { ms: min, cpuMs: cpuMin, result };
}

/**
 * The same simulation written by hand: attainment, TI × weight and the curve per rep and metric
 * in Float64Arrays, the same draws in the same order from the generator inlined as the engine
 * inlines it, a linear curve interpolated inline, the trial totals kept and sorted for the
 * percentiles.
 */
function handLoop(table, trials, settings) {
  const n = table.count;
  const att = new Float64Array(n * 3);
  const wti = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const p = PLANS.indexOf(table.plans[i]);
    METRICS.forEach((m, k) => {
      const key = m.toLowerCase();
      att[i * 3 + k] = table.actual.get(key)[i] / table.quota.get(key)[i];
      wti[i * 3 + k] = table.targetIncentive[i] * WEIGHTS[p][k];
    });
  }
  // The generator inlined as the engine has it: xoshiro128** on the seeded state's four words.
  const state = new Xoshiro128(settings.seed).state;
  const next = () => {
    const s1 = state[1];
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    state[2] ^= state[0];
    state[3] ^= s1;
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = (state[3] << 11) | (state[3] >>> 21);
    return result;
  };
  const sc = settings.commonVolatility;
  const su = settings.individualVolatility * Math.sqrt(settings.metricCorrelation);
  const sv = settings.individualVolatility * Math.sqrt(1 - settings.metricCorrelation);
  const totals = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    const common = 1 + sc * normalFromUint32(next());
    let total = 0;
    for (let i = 0; i < n; i++) {
      const base = common + su * normalFromUint32(next());
      for (let s = i * 3; s < i * 3 + 3; s++) {
        const shock = base + sv * normalFromUint32(next());
        const a = att[s] * (shock > 0 ? shock : 0);
        let rate;
        if (a < 0.5) rate = 0;
        else if (a >= 1.5) rate = 2;
        else if (a >= 1) rate = 1 + ((a - 1) / 0.5) * 1;
        else rate = ((a - 0.5) / 0.5) * 1;
        total += wti[s] * rate;
      }
    }
    totals[t] = total;
  }
  totals.sort();
  return totals[Math.floor(trials / 2)];
}

function benchRisk({ large = true } = {}) {
  const d = design();
  const small = reps(1000);
  const run = prepareRun(d, small, []);
  const model = buildRiskModel(run);
  const settings = Object.assign({}, DEFAULT_RISK_SETTINGS, { trials: 10000 });
  const engine = best(() => simulateCostAtRiskSync(model, settings));
  const hand = best(() => handLoop(small, 10000, settings));
  let big = { ms: NaN, cpuMs: NaN };
  if (large) {
    const bigModel = buildRiskModel(prepareRun(d, reps(100000), []));
    big = best(
      () => simulateCostAtRiskSync(bigModel, Object.assign({}, settings, { trials: 1000 })),
      1
    );
  }
  return {
    engineMs: engine.ms,
    engineCpuMs: engine.cpuMs,
    handMs: hand.ms,
    handCpuMs: hand.cpuMs,
    ratio: engine.cpuMs / hand.cpuMs,
    largeMs: big.ms,
    largeCpuMs: big.cpuMs,
    load: require("node:os").loadavg()[0],
  };
}

function printRisk(r) {
  console.log(
    `Cost at risk (Monte Carlo), best of 3 after a warm-up (wall / CPU time; load average ${r.load.toFixed(1)}):`
  );
  console.log(
    `  10,000 trials × 1,000 reps × 3 metrics: engine ${r.engineMs.toFixed(0)} / ${r.engineCpuMs.toFixed(0)} ms, hand-written Float64Array loop ${r.handMs.toFixed(0)} / ${r.handCpuMs.toFixed(0)} ms → ${r.ratio.toFixed(2)}× the hand loop (CPU)`
  );
  console.log(
    `  1,000 trials × 100,000 reps × 3 metrics: engine ${r.largeMs.toFixed(0)} / ${r.largeCpuMs.toFixed(0)} ms`
  );
}

module.exports = { benchRisk, printRisk, design, reps };

if (require.main === module) printRisk(benchRisk({ large: !process.argv.includes("--small") }));
