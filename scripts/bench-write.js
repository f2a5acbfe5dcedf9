/**
 * Write benchmark: the CLI's `--out` on large inputs, each command a fresh `node` process timed
 * with its peak RSS (GNU time's `/usr/bin/time -v` when installed, else without RSS), against the
 * I/O floor measured in the same run: a process that reads the same input with the same reader
 * (the xlsx adapter: exceljs load + readSheets of the five input sheets) and copies the file,
 * and the output floor (scripts/output-floor.js): the I/O floor plus the tightest writing of the
 * four detail tabs `scenarios --out` writes, i.e. what the output's size alone costs.
 * Inputs: the demo sample's Reps repeated to 20,000, 50,000 and 100,000 reps
 * (scripts/make-big-input.js), built once into the temp folder. Wall time, CPU time (user +
 * system, less sensitive to a busy machine) and peak RSS per process. Uses the compiled lib/.
 */
const { spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, readFileSync, rmSync } = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { makeBigInput } = require("./make-big-input");

const ROOT = path.join(__dirname, "..");
const DIR = path.join(os.tmpdir(), "compalign-bench-write");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

const FLOOR = `
const { copyFileSync } = require("node:fs");
const { XlsxWorkbook } = require(${JSON.stringify(path.join(ROOT, "lib", "workbook", "xlsx"))});
(async () => {
  const book = await XlsxWorkbook.fromFile(process.argv[1]);
  await book.readSheets(["Objectives", "Matrix", "Curves", "Reps", "Scenarios"]);
  copyFileSync(process.argv[1], process.argv[2]);
})();`;

/** Runs `node args…`; wall time in seconds and peak RSS in MB (null without GNU time). */
function timed(args) {
  const report = path.join(DIR, "time.txt");
  const command = TIME
    ? [TIME, "-v", "-o", report, process.execPath, ...args]
    : [process.execPath, ...args];
  const started = process.hrtime.bigint();
  const run = spawnSync(command[0], command.slice(1), {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${args.join(" ")} failed: ${run.stderr}`);
  let rssMb = null;
  let cpuSeconds = null;
  if (TIME) {
    const text = readFileSync(report, "utf8");
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
    rssMb = kb ? Number(kb[1]) / 1024 : null;
    const user = /User time \(seconds\): ([\d.]+)/.exec(text);
    const system = /System time \(seconds\): ([\d.]+)/.exec(text);
    cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : null;
  }
  return { seconds, rssMb, cpuSeconds };
}

async function input(reps) {
  const file = path.join(DIR, `reps-${reps}.xlsx`);
  if (!existsSync(file)) await makeBigInput(reps, file);
  return file;
}

function cli(command, file) {
  const out = path.join(DIR, `out-${command}.xlsx`);
  rmSync(out, { force: true });
  const json = command === "scenarios" ? [] : ["--json"];
  return timed([path.join(ROOT, "bin", "compalign.js"), command, file, "--out", out, ...json]);
}

function outputFloor(file) {
  const out = path.join(DIR, "output-floor.xlsx");
  rmSync(out, { force: true });
  return timed([path.join(__dirname, "output-floor.js"), file, out]);
}

function floor(file) {
  const out = path.join(DIR, "floor-copy.xlsx");
  rmSync(out, { force: true });
  return timed(["-e", FLOOR, file, out]);
}

async function benchWrite({ sizes = [20000, 50000, 100000] } = {}) {
  mkdirSync(DIR, { recursive: true });
  const results = [];
  for (const reps of sizes) {
    const file = await input(reps);
    const row = {
      reps,
      floor: floor(file),
      outputFloor: outputFloor(file),
      scenarios: cli("scenarios", file),
    };
    if (reps === sizes[sizes.length - 1]) {
      for (const command of ["pulse", "explain", "check"]) row[command] = cli(command, file);
    }
    results.push(row);
  }
  return results;
}

const fmt = (r) =>
  `${r.seconds.toFixed(2)} s` +
  (r.cpuSeconds === null ? "" : ` (CPU ${r.cpuSeconds.toFixed(2)} s)`) +
  (r.rssMb === null ? "" : `, ${Math.round(r.rssMb)} MB peak RSS`);

/** A run's wall time (and CPU time, when measured) as a multiple of the I/O floor's. */
const versusFloor = (r, floor) =>
  `${(r.seconds / floor.seconds).toFixed(2)}× the floor` +
  (floor.cpuSeconds ? ` (CPU ${(r.cpuSeconds / floor.cpuSeconds).toFixed(2)}×)` : "");

function printWrite(results) {
  console.log(
    "--out writes (each a fresh node process; I/O floor = same reader + copy of the input):"
  );
  for (const row of results) {
    console.log(`  ${row.reps.toLocaleString("en-US")} reps: I/O floor ${fmt(row.floor)}`);
    console.log(
      `    output floor (I/O floor + the four detail tabs' XML, tightest loop, deflated) ${fmt(row.outputFloor)} → ${versusFloor(row.outputFloor, row.floor)}`
    );
    console.log(
      `    scenarios --out ${fmt(row.scenarios)} → ${versusFloor(row.scenarios, row.floor)}`
    );
    for (const command of ["pulse", "explain", "check"]) {
      if (row[command]) console.log(`    ${command} --out ${fmt(row[command])}`);
    }
  }
  const by = (n) => results.find((r) => r.reps === n);
  if (by(50000) && by(100000)) {
    console.log(
      `  growth 50,000 → 100,000 reps, scenarios --out: ${(by(100000).scenarios.seconds / by(50000).scenarios.seconds).toFixed(2)}× the time`
    );
  }
}

module.exports = { benchWrite, printWrite };

if (require.main === module) {
  benchWrite()
    .then(printWrite)
    .catch((e) => {
      console.error(e.stack || String(e));
      process.exit(1);
    });
}
