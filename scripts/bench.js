/**
 * npm run bench: every CompAlign benchmark, each against its baseline in the same run, printed
 * as ratios. Benchmarks are not tests: nothing here fails on a slow machine. Record the figures
 * in docs/benchmarks.md.
 */
const os = require("node:os");
const { benchFunctions, printFunctions } = require("./bench-functions");
const { benchCalc } = require("./bench-calc");
const { benchScenarios, printScenarios } = require("./bench-scenarios");
const { benchRisk, printRisk } = require("./bench-risk");
const { benchWrite, printWrite } = require("./bench-write");

/**
 * COMP.GINI, COMP.TOPSHARE and COMP.ALIGNMENT on a 1,000 × 1,000 range (1,000,000 cells), called
 * as Excel calls them (best of 5): the large-input path Excel's responsiveness depends on.
 */
function benchStatistics(n = 1000) {
  const { catalog } = require("../lib/functions/catalog");
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const grid = (scale) =>
    Array.from({ length: n }, () => Array.from({ length: n }, () => Math.round(random() * scale)));
  const values = grid(100000);
  const priorities = grid(5);
  const calls = {
    GINI: [values],
    TOPSHARE: [values, null],
    ALIGNMENT: [priorities, values],
  };
  return Object.entries(calls).map(([name, args]) => {
    const spec = catalog.find((s) => s.name === name);
    let best = Infinity;
    let result;
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint();
      result = spec.impl(...args);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return { name, ms: best, result };
  });
}

async function main() {
  console.log(
    `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB\n`
  );
  printFunctions(benchFunctions());
  console.log("");
  console.log("COMP statistics on a 1,000 × 1,000 range (1,000,000 cells, best of 5):");
  for (const { name, ms, result } of benchStatistics())
    console.log(`  ${name.padEnd(9)} ${ms.toFixed(0).padStart(5)} ms  (= ${result})`);
  console.log("");
  const calc = await benchCalc({ rows: 10000 });
  console.log(
    `calc, 10,000 rows of COMP.COMMISSION vs the same commissions as native SUMPRODUCT formulas (HyperFormula build + recalc, best of 5):`
  );
  console.log(
    `  COMP ${calc.compMs.toFixed(1)} ms, native ${calc.nativeMs.toFixed(1)} ms → COMP is ${calc.ratio.toFixed(2)}× the speed of native`
  );
  if (calc.fileMs !== undefined)
    console.log(
      `  full calc path (exceljs load + HyperFormula) on a 10,000-row .xlsx: ${calc.fileMs.toFixed(0)} ms`
    );
  console.log("");
  printScenarios(await benchScenarios());
  console.log("");
  printRisk(benchRisk());
  console.log("");
  printWrite(await benchWrite());
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
