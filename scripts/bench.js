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

async function main() {
  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB\n`);
  printFunctions(benchFunctions());
  console.log("");
  const calc = await benchCalc({ rows: 10000 });
  console.log(
    `calc, 10,000 rows of COMP.COMMISSION vs the same commissions as native SUMPRODUCT formulas (HyperFormula build + recalc, best of 5):`
  );
  console.log(`  COMP ${calc.compMs.toFixed(1)} ms, native ${calc.nativeMs.toFixed(1)} ms → COMP is ${calc.ratio.toFixed(2)}× the speed of native`);
  if (calc.fileMs !== undefined) console.log(`  full calc path (exceljs load + HyperFormula) on a 10,000-row .xlsx: ${calc.fileMs.toFixed(0)} ms`);
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
