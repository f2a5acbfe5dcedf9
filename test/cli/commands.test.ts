/**
 * Every command in process (main with a capturing Io, no subprocess): the generated usage and
 * help, usage errors, unreadable inputs, --json, --out and --force, and the exit statuses. The
 * subprocess tests (calc.test.ts, scenarios.test.ts, ...) keep checking the real exit codes.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { PULSE_CHECK_IDS, PULSE_CHECK_INFO } from "../../src/engine/pulseChecks";
import { isCompAlignReport } from "../../src/cli/files";
import { COMMANDS, main, run } from "../../src/cli/main";
import { pulseCheckList } from "../../src/cli/pulse";
import { ActionError } from "../../src/actions";
import { CliError } from "../../src/cli/io";
import { runWorkbookCommand } from "../../src/cli/workbookCommand";
import { WorkbookError } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { capture, cli, editedCopy, sha, tempFolder } from "./helpers";

jest.setTimeout(120_000);

const { path } = tempFolder("compalign-commands-");
const PLAN = () => path("plan.xlsx");

beforeAll(async () => {
  expect((await cli("init", PLAN())).code).toBe(0);
  writeFileSync(path("notes.txt"), "not a workbook");
  writeFileSync(path("export.csv"), "Rep,Plan,Target Incentive\nAda,AE,20000\n");
  writeFileSync(path("empty.xlsx"), "");
  mkdirSync(path("folder"));
});

/** Runs `args` expecting exit 0 and one JSON object with exactly `keys` on stdout. */
async function jsonRun(keys: string[], args: string[]) {
  const { code, stdout, err } = await cli(...args);
  expect(code).toBe(0);
  const json = JSON.parse(stdout);
  expect(Object.keys(json)).toEqual(keys);
  return { json, err };
}

const IN_COMMANDS = ["check", "scenarios", "pulse", "explain", "risk", "calc"];

describe("usage and help, generated from each command's declaration", () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    "%s: help starts with the usage, lists every option and parses its own examples",
    (name, command) => {
      expect(command.help.startsWith(`Usage: ${command.usage}\n\n`)).toBe(true);
      expect(command.usage.startsWith(`compalign ${name}`)).toBe(true);
      for (const option of command.usage.match(/--[a-z]+/g) ?? [])
        expect(command.help).toMatch(new RegExp(`^  ${option}\\b`, "m"));
      const examples = command.help.slice(command.help.indexOf("Examples:\n")).split("\n").slice(1);
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        const [, sub, ...args] = example.trim().split(" ");
        expect(sub).toBe(name);
        expect(() => command.parse(args)).not.toThrow();
      }
      for (const line of command.help.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    }
  );

  it("every IN.xlsx command documents --force in its help", () => {
    for (const name of IN_COMMANDS)
      expect(COMMANDS.find((c) => c.name === name)?.help).toContain(
        "  --force         replace OUT.xlsx even when it exists and is not a CompAlign report"
      );
  });

  it("pulse --help lists every check of the engine with its title, in the JSON order", async () => {
    const { code, stdout } = await cli("pulse", "--help");
    expect(code).toBe(0);
    const list = stdout.slice(stdout.indexOf("Checks, in --json order"));
    const ids = PULSE_CHECK_IDS.map((id) => {
      const line = list.split("\n").find((l) => l.trim().startsWith(`${id} `));
      expect(line).toContain(PULSE_CHECK_INFO[id].title);
      return list.indexOf(line!);
    });
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(stdout).toContain(pulseCheckList());
  });

  it.each(COMMANDS.map((c) => [c.name]))(
    "help %s and %s --help print the same help",
    async (name) => {
      const a = await cli("help", name);
      const b = await cli(name, "--help");
      expect(a).toEqual(b);
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(`${COMMANDS.find((c) => c.name === name)!.help}\n`);
    }
  );

  it("compalign --help lists every command with its summary", async () => {
    const { code, stdout } = await cli("--help");
    expect(code).toBe(0);
    for (const c of COMMANDS) expect(stdout).toContain(`${c.usage}  `);
    for (const c of COMMANDS) expect(stdout).toContain(c.summary);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    "%s --help: no unfilled placeholder, no option it does not have",
    (_, command) => {
      expect(command.help).not.toMatch(/undefined|\[object |\$\{|NaN/);
      // Every --option the help mentions is one the command parses (or --help itself).
      const positional = command.name === "demo" ? [] : ["x.xlsx"];
      for (const option of command.help.match(/--[a-z][a-z-]*/g) ?? []) {
        if (option === "--help") continue;
        let message = "";
        try {
          command.parse([...positional, option]);
        } catch (e) {
          message = (e as Error).message;
        }
        expect(message).not.toContain("unknown option");
      }
    }
  );

  it("every --option the README's Command line section names is an option of a command", () => {
    const readme = readFileSync(`${__dirname}/../../README.md`, "utf8");
    const section = readme.slice(
      readme.indexOf("## Command line"),
      readme.indexOf("## Development")
    );
    const options = new Set([
      "  --help",
      ...COMMANDS.flatMap((c) => c.help.match(/^ {2}--[a-z]+/gm) ?? []),
    ]);
    const named = new Set(section.match(/--[a-z][a-z-]*/g));
    expect(named.size).toBeGreaterThanOrEqual(3);
    for (const option of named) expect([...options].map((o) => o.trim())).toContain(option);
  });

  it("the README's usage line of every command is the generated one", () => {
    const readme = readFileSync(`${__dirname}/../../README.md`, "utf8");
    const cliSection = readme.slice(readme.indexOf("## Command line"));
    const lines = [...cliSection.matchAll(/^node bin\/compalign\.js (\w+)(.*?)(?: +#.*)?$/gm)];
    const documented = new Map(lines.map((m) => [m[1], `compalign ${m[1]}${m[2]}`]));
    for (const c of COMMANDS.filter((c) => documented.has(c.name)))
      expect(documented.get(c.name)).toBe(c.usage);
    // Every command that reads a workbook has its own README section with its usage.
    for (const name of [...IN_COMMANDS, "init"]) expect(documented.has(name)).toBe(true);
  });
});

describe("usage errors: exit 2, one line naming the command and ending with its usage", () => {
  const cases: [string[], string][] = [
    [["check"], "expected one input file, got 0"],
    [["check", "a.xlsx", "b.xlsx"], "expected one input file, got 2"],
    [["scenarios", "a.xlsx"], "give --out OUT.xlsx, --json, or both"],
    [["pulse", "a.xlsx", "--out"], "--out needs a value"],
    [["explain", "a.xlsx", "--json=1"], "--json takes no value"],
    [["risk", "a.xlsx", "--json", "--json"], "--json given twice"],
    [["calc", "a.xlsx", "-x"], "unknown option -x"],
    [["init"], "expected one output file, got 0"],
    [["init", "a.xlsx", "--json"], "unknown option --json"],
    [["demo", "extra"], "unexpected argument extra"],
    [["demo", "--out", "--force"], "--out needs a value"],
  ];
  it.each(cases)("%j: %s", async (args, message) => {
    const { code, err, stdout } = await cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(err).toHaveLength(1);
    const usage = COMMANDS.find((c) => c.name === args[0])!.usage;
    expect(err[0]).toBe(`compalign ${args[0]}: ${message} (usage: ${usage})`);
  });

  it("an unknown command, and no command at all", async () => {
    expect((await cli("report")).err).toEqual([
      'compalign: unknown command "report" (commands: calc, init, check, scenarios, pulse, explain, risk, demo; see compalign --help)',
    ]);
    // help for a command that does not exist (a typo) says so, rather than the general help.
    const typo = await cli("help", "scenario");
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe("");
    expect(typo.err).toEqual([
      'compalign: unknown command "scenario" (commands: calc, init, check, scenarios, pulse, explain, risk, demo; see compalign --help)',
    ]);
    for (const args of [["help"], ["--help", "--help"], ["help", "-h"]]) {
      const general = await cli(...args);
      expect(general.code).toBe(0);
      expect(general.stdout).toMatch(/^Usage: compalign <command>/);
    }
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage: compalign <command>/);
  });
});

describe("inputs that cannot be read: exit 2, one line naming the file, nothing on stdout", () => {
  const inputs: [string, () => string, RegExp][] = [
    ["a missing file", () => path("missing.xlsx"), /cannot read .*missing\.xlsx: no such file$/],
    ["a folder", () => path("folder"), /cannot read .*folder: not a file$/],
    ["a text file", () => path("notes.txt"), /cannot read .*notes\.txt as an \.xlsx workbook \(/],
    [
      "a CSV export",
      () => path("export.csv"),
      /cannot read .*export\.csv as an \.xlsx workbook \(it is a text file \(CSV, HTML or XML\), not an Excel workbook: open it in Excel and save it as an Excel Workbook \(\.xlsx\)\)$/,
    ],
    [
      "an empty file",
      () => path("empty.xlsx"),
      /cannot read .*empty\.xlsx as an \.xlsx workbook \(the file is empty\)$/,
    ],
  ];
  for (const command of IN_COMMANDS)
    it.each(inputs)(`${command}: %s`, async (_, input, message) => {
      const { code, err, stdout } = await cli(command, input(), "--json");
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(new RegExp(`^compalign ${command}: `));
      expect(err[0]).toMatch(message);
    });
});

describe("every IN.xlsx command: bad options and outputs are one line, exit 2, nothing written", () => {
  const cases: [string, (command: string) => string[], (command: string) => string][] = [
    [
      "an unknown option",
      () => [PLAN(), "--output", path("o.xlsx")],
      (c) => `compalign ${c}: unknown option --output (usage: ${usageOf(c)})`,
    ],
    [
      "--out without its value",
      () => [PLAN(), "--json", "--out"],
      (c) => `compalign ${c}: --out needs a value (usage: ${usageOf(c)})`,
    ],
    [
      "--out naming the input",
      () => [PLAN(), "--json", "--out", PLAN()],
      (c) =>
        `compalign ${c}: --out ${PLAN()} is the input file; choose another path (the input is never modified)`,
    ],
    [
      "--out naming a folder",
      () => [PLAN(), "--json", "--out", path("folder")],
      (c) => `compalign ${c}: --out ${path("folder")} is a directory`,
    ],
    [
      "--out naming a .csv",
      () => [PLAN(), "--json", "--out", path("results.csv")],
      (c) =>
        `compalign ${c}: --out ${path("results.csv")} must end in .xlsx: the file written is an Excel workbook, which Excel opens only as .xlsx (nothing was computed or written)`,
    ],
    [
      "--out without an extension",
      () => [PLAN(), "--json", "--out", path("results")],
      (c) =>
        `compalign ${c}: --out ${path("results")} must end in .xlsx: the file written is an Excel workbook, which Excel opens only as .xlsx (nothing was computed or written)`,
    ],
  ];
  const usageOf = (name: string) => COMMANDS.find((c) => c.name === name)!.usage;
  for (const command of IN_COMMANDS)
    it.each(cases)(`${command}: %s`, async (_, args, message) => {
      const { code, err, stdout } = await cli(command, ...args(command));
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(err).toEqual([message(command)]);
      expect(existsSync(path("results.csv"))).toBe(false);
      expect(existsSync(path("results"))).toBe(false);
    });

  it("an .xlsm input gives an .xlsm copy (its macros kept); calc --out is always an .xlsx", async () => {
    const macroBook = path("macros.xlsm");
    copyFileSync(PLAN(), macroBook);
    const refused = await cli("scenarios", macroBook, "--out", path("copy.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.err).toEqual([
      `compalign scenarios: --out ${path("copy.xlsx")} must end in .xlsm: the copy keeps the input's macros, and Excel opens a workbook with macros only as .xlsm (nothing was computed or written)`,
    ]);
    expect((await cli("scenarios", macroBook, "--out", path("copy.XLSM"))).code).toBe(0);
    const calc = await cli("calc", macroBook, "--out", path("calc.xlsm"));
    expect(calc.code).toBe(2);
    expect(calc.err[0]).toMatch(/calc\.xlsm must end in \.xlsx: /);
    expect((await cli("calc", macroBook, "--out", path("calc-of-macros.xlsx"))).code).toBe(0);
  });
});

describe("check", () => {
  it("prints the readable report and exits 0 on the starter plan", async () => {
    const { code, stdout } = await cli("check", PLAN());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Design alignment index: 0\.\d{3}\n/);
    // Marginal pay: per point in whole money, per quota unit in money to three decimals.
    expect(stdout).toMatch(
      /\nAccount Executive \/ Cloud ARR +\$[\d,]+ +\$[\d,]+\.\d{3} +\$[\d,]+\.\d{3} +\$[\d,]+\.\d{3}\n/
    );
    // The starter plan's one finding is a warning: exit 0.
    expect(stdout).toMatch(
      /\n1 finding:\nwarning marginal-misaligned Matrix!E3 +Account Executive: /
    );
  });

  it("on the sample, the report and the Alignment View list only the metrics a plan pays; --json keeps weight 0", async () => {
    const demo = path("demo.xlsx");
    expect((await cli("demo", "--out", demo)).code).toBe(0);

    // --json's marginal keeps every Matrix row, the weight-0 one included (contract).
    const { json } = await jsonRun(
      ["designAlignmentIndex", "objectives", "findings", "marginal"],
      ["check", demo, "--json", "--out", path("demo-checked.xlsx")]
    );
    type Row = { plan: string; metric: string; weight: number };
    const rows: Row[] = json.marginal;
    const unpaid = rows.filter((m) => m.weight === 0);
    const paid = rows.filter((m) => m.weight > 0);
    const name = (m: Row) => `${m.plan} / ${m.metric}`;
    // The sample introduces Multi-product Deals on Enterprise AE at 0%; Inside Sales pays it
    // (with $0 a point at 100% on its step curve: left out by weight, not by the figure).
    expect(unpaid.map(name)).toEqual(["Enterprise AE / Multi-product Deals"]);
    expect(paid.map(name)).toContain("Inside Sales / Multi-product Deals");

    const { code, stdout } = await cli("check", demo);
    expect(code).toBe(0);
    const start = stdout.indexOf("Plan / metric");
    const table = stdout.slice(start, stdout.indexOf("\n\n", start));
    const listed = table
      .split("\n")
      .slice(1)
      .map((line) => line.slice(0, 38).trim());
    expect(listed).toEqual(paid.map(name));
    expect(stdout).not.toContain("Enterprise AE / Multi-product Deals");
    expect(stdout).toMatch(/\nInside Sales \/ Multi-product Deals +\$0 +\$[\d,]+\.\d{3} /);

    // The sheet, as the pane: the paid rows only, then the findings.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path("demo-checked.xlsx"));
    const view = book.getWorksheet("Alignment View")!;
    const cells: unknown[][] = [];
    view.eachRow({ includeEmpty: true }, (row, n) => {
      cells[n] = [row.getCell(1).value, row.getCell(2).value, row.getCell(4).value];
    });
    const header = cells.findIndex((r) => r?.[0] === "Plan" && r?.[1] === "Metric");
    expect(header).toBeGreaterThan(0);
    const findings = cells.findIndex((r, n) => n > header && r?.[0] === "Findings");
    expect(findings).toBeGreaterThan(header);
    const sheetRows = cells.slice(header + 1, findings).filter((r) => r?.[0]);
    expect(sheetRows.map(([plan, metric]) => `${plan} / ${metric}`)).toEqual(paid.map(name));
    expect(sheetRows.every(([, , weight]) => (weight as number) > 0)).toBe(true);
  });

  it("--json --out: the JSON contract and a copy with the Alignment View", async () => {
    const before = sha(PLAN());
    const { json, err } = await jsonRun(
      ["designAlignmentIndex", "objectives", "findings", "marginal"],
      ["check", PLAN(), "--json", "--out", path("c.xlsx")]
    );
    expect(json.findings.map((f: { severity: string }) => f.severity)).toEqual(["warning"]);
    expect(json.designAlignmentIndex).toBeGreaterThan(0);
    expect(err).toEqual([`compalign check: wrote ${path("c.xlsx")} with the Alignment View`]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path("c.xlsx"));
    expect(book.getWorksheet("Alignment View")).toBeDefined();
    expect(sha(PLAN())).toBe(before);
  });
});

/** The starter plan with Account Executive's first weight cut to 25%: an error finding. */
const brokenPlan = () =>
  editedCopy(PLAN(), path("broken.xlsx"), (book) => {
    book.getWorksheet("Matrix")!.getCell("E2").value = 0.25;
  });

describe("a plan with error findings", () => {
  it("check exits 1 and lists the error with its cell", async () => {
    const { code, stdout } = await cli("check", await brokenPlan(), "--json");
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.designAlignmentIndex).toBeNull();
    expect(json.findings).toContainEqual(
      expect.objectContaining({ severity: "error", rule: "weights-sum", cell: "Matrix!E2" })
    );
  });

  it.each(["scenarios", "pulse", "explain", "risk"])(
    "%s computes nothing: exit 1, the errors on stderr, plan-has-errors on stdout",
    async (command) => {
      const input = await brokenPlan();
      const { code, stdout, err } = await cli(command, input, "--json", "--out", path("x.xlsx"));
      expect(code).toBe(1);
      expect(err[0]).toBe(
        `compalign ${command}: ${input}: the plan has 1 error; nothing was computed. Fix it first (compalign check lists every finding):`
      );
      expect(err[1]).toMatch(new RegExp(`^compalign ${command}: error weights-sum at Matrix!E2: `));
      const json = JSON.parse(stdout);
      expect(json.error).toBe("plan-has-errors");
      expect(json.findings[0]).toMatchObject({ rule: "weights-sum", cell: "Matrix!E2" });
      expect(() => readFileSync(path("x.xlsx"))).toThrow();
    }
  );
});

describe("a plan no rep of which can be computed", () => {
  it.each(["scenarios", "pulse"])(
    "%s: exit 1, one line saying why, nothing on stdout or written",
    async (command) => {
      const input = await editedCopy(PLAN(), path("no-reps.xlsx"), (book) => {
        const reps = book.getWorksheet("Reps")!;
        for (let row = reps.rowCount; row > 1; row--) reps.spliceRows(row, 1);
      });
      const { code, stdout, err } = await cli(command, input, "--json", "--out", path("n.xlsx"));
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(err).toEqual([
        `compalign ${command}: ${input}: No rep could be computed: the Reps sheet has no rows below its header.`,
      ]);
      expect(existsSync(path("n.xlsx"))).toBe(false);
      // The help says so.
      expect(COMMANDS.find((c) => c.name === command)!.help.replace(/\s+/g, " ")).toContain(
        "1 the plan has error findings"
      );
      expect(COMMANDS.find((c) => c.name === command)!.help.replace(/\s+/g, " ")).toContain(
        "no rep can be computed"
      );
    }
  );
});

describe("scenarios", () => {
  it("--json: the assumption, Baseline first, and the run on stderr", async () => {
    const { json, err } = await jsonRun(
      ["assumption", "scenarios", "invalidScenarios", "dataIssues"],
      ["scenarios", PLAN(), "--json"]
    );
    expect(json.scenarios[0].name).toBe("Baseline");
    expect(json.scenarios[0].deltaVsBaseline).toBe(0);
    expect(err[0]).toMatch(/^compalign scenarios: \d+ scenarios over 8 reps in \d+ ms/);
    expect(err[1]).toBe(`compalign scenarios: ${json.assumption}`);
  });

  it("counts in words: Baseline alone is 1 scenario, in scenarios and risk", async () => {
    const only = await editedCopy(PLAN(), path("baseline-only.xlsx"), (book) => {
      book.removeWorksheet(book.getWorksheet("Scenarios")!.id);
    });
    const scenarios = await cli("scenarios", only, "--json");
    expect(scenarios.code).toBe(0);
    expect(scenarios.err[0]).toMatch(/^compalign scenarios: 1 scenario over 8 reps in \d+ ms$/);
    const risk = await cli("risk", only, "--json");
    expect(risk.code).toBe(0);
    expect(risk.err).toContainEqual(
      expect.stringMatching(/^compalign risk: 1 scenario × 10000 trials over 8 reps in \d+ ms$/)
    );
  });

  it("--out writes the tabs and says which", async () => {
    const { code, stdout, err } = await cli("scenarios", PLAN(), "--out", path("s.xlsx"));
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(err.at(-1)).toMatch(
      /^compalign scenarios: wrote .*s\.xlsx with Baseline, .*Scenario Comparison/
    );
    expect(isCompAlignReport(path("s.xlsx"))).toBe(true);
  });
});

describe("pulse", () => {
  it("readable: the company's checks and the by-plan table", async () => {
    const { code, stdout } = await cli("pulse", PLAN());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Pulse check \d{4} Q\d: 8 reps computed/);
    for (const id of PULSE_CHECK_IDS) expect(stdout).toContain(PULSE_CHECK_INFO[id].title);
    expect(stdout).toContain("By plan (status · value), worst first:");
  });

  it("--out: the Pulse Check tab, named in the report and on stderr", async () => {
    const { code, stdout, err } = await cli("pulse", PLAN(), "--out", path("p.xlsx"));
    expect(code).toBe(0);
    const tab = /Wrote the (Pulse Check [^\n]+) tab\./.exec(stdout)?.[1];
    expect(tab).toMatch(/^Pulse Check \d{4} Q\d$/);
    expect(err.at(-1)).toBe(`compalign pulse: wrote ${path("p.xlsx")} with the ${tab} tab`);
  });
});

describe("explain", () => {
  it("readable: the talking points of every plan", async () => {
    const { code, stdout } = await cli("explain", PLAN());
    expect(code).toBe(0);
    expect(stdout).toContain("Account Executive");
    expect(stdout).toContain("Inside Sales");
  });

  it("--json --out: every plan, and a Plan page per plan", async () => {
    const { code, stdout, err } = await cli("explain", PLAN(), "--out", path("e.xlsx"), "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).plans.map((p: { plan: string }) => p.plan)).toEqual([
      "Account Executive",
      "Inside Sales",
    ]);
    expect(err.at(-1)).toBe(
      `compalign explain: wrote ${path("e.xlsx")} with Plan - Account Executive, Plan - Inside Sales`
    );
  });
});

describe("risk", () => {
  it("readable and --out: P50/P90 per scenario and the Plan Cost at Risk tab", async () => {
    const { code, stdout, err } = await cli("risk", PLAN(), "--out", path("r.xlsx"));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Plan cost at risk: 10,000 simulated years per scenario over 8 reps/);
    expect(stdout).toMatch(/\nBaseline +\$[\d.,]+K +\$[\d.,]+K +\$[\d.,]+K +\$[\d.,]+K +Not set\n/);
    expect(stdout).toContain("Wrote the Plan Cost at Risk tab.");
    expect(
      err.some((l) => /^compalign risk: \d+ scenarios × 10000 trials over 8 reps/.test(l))
    ).toBe(true);
    expect(err.at(-1)).toBe(
      `compalign risk: wrote ${path("r.xlsx")} with the Plan Cost at Risk tab`
    );
  });

  it("--json: the settings and each scenario's quantiles in order", async () => {
    const { code, stdout } = await cli("risk", PLAN(), "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.settings.trials).toBe(10000);
    const base = json.scenarios[0];
    expect(base.name).toBe("Baseline");
    expect(base.totalPayout.p10).toBeLessThanOrEqual(base.totalPayout.p50);
    expect(base.totalPayout.p50).toBeLessThanOrEqual(base.totalPayout.p90);
  });
});

describe("calc", () => {
  const example = `${__dirname}/../../examples/commission-plan.xlsx`;

  it("prints the JSON when neither option is given, and counts what it could not recompute", async () => {
    const { code, stdout, err } = await cli("calc", example);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json).length).toBeGreaterThan(0);
    expect(Object.keys(json).every((k) => /^.+![A-Z]+\d+$/.test(k))).toBe(true);
    expect(err.at(-1)).toMatch(
      /^compalign calc: (all \d+ formulas recomputed|\d+ of \d+ formulas)/
    );
  });

  it("--out writes the copy and prints no JSON; replacing it needs --force, as its help says", async () => {
    const { code, stdout, err } = await cli("calc", example, "--out", path("calc.xlsx"));
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(err).toContain(`compalign calc: wrote ${path("calc.xlsx")}`);
    expect(isCompAlignReport(path("calc.xlsx"))).toBe(false);
    const again = await cli("calc", example, "--out", path("calc.xlsx"));
    expect(again.code).toBe(2);
    expect(again.err[0]).toMatch(/calc\.xlsx exists and is not a CompAlign report; .* add --force/);
    expect(COMMANDS.find((c) => c.name === "calc")!.help.replace(/\s+/g, " ")).toContain(
      "replacing an earlier one (even calc's own) needs --force"
    );
    expect((await cli("calc", example, "--out", path("calc.xlsx"), "--force")).code).toBe(0);
  });
});

describe("--out and --force", () => {
  it("an existing file that is not a CompAlign report is kept unless --force", async () => {
    writeFileSync(path("mine.xlsx"), "my own file");
    const refused = await cli("explain", PLAN(), "--out", path("mine.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.err).toEqual([
      `compalign explain: ${path("mine.xlsx")} exists and is not a CompAlign report; choose another name, or add --force to replace it (nothing was computed or written)`,
    ]);
    expect(readFileSync(path("mine.xlsx"), "utf8")).toBe("my own file");
    const forced = await cli("explain", PLAN(), "--out", path("mine.xlsx"), "--force");
    expect(forced.code).toBe(0);
    expect(isCompAlignReport(path("mine.xlsx"))).toBe(true);
  });

  it("--out naming the input is refused", async () => {
    const { code, err } = await cli("pulse", PLAN(), "--out", PLAN());
    expect(code).toBe(2);
    expect(err[0]).toMatch(/--out .*plan\.xlsx is the input file/);
  });
});

describe("init", () => {
  it("never overwrites a file", async () => {
    const { code, err } = await cli("init", PLAN());
    expect(code).toBe(2);
    expect(err).toEqual([
      `compalign init: ${PLAN()} already exists; choose a new file name (nothing was written)`,
    ]);
  });

  it.each([
    ["an empty name", () => "", "compalign init: the output file name is empty"],
    [
      "a folder",
      () => path("folder"),
      () =>
        `compalign init: ${path("folder")} already exists (a folder); choose a new file name (nothing was written)`,
    ],
    [
      "a .csv",
      () => path("plan.csv"),
      () =>
        `compalign init: ${path("plan.csv")} must end in .xlsx: the file written is an Excel workbook, which Excel opens only as .xlsx (nothing was computed or written)`,
    ],
  ] as [string, () => string, string | (() => string)][])(
    "refuses %s in one line",
    async (_, out, message) => {
      const { code, err, stdout } = await cli("init", out());
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(err).toEqual([typeof message === "string" ? message : message()]);
      expect(existsSync(path("plan.csv"))).toBe(false);
    }
  );

  it("says where it cannot write", async () => {
    const { code, err } = await cli("init", path("nowhere/plan.xlsx"));
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^compalign init: cannot write .*the folder .*nowhere does not exist$/);
  });
});

describe("demo", () => {
  it("writes the sample with every tab and prints the comparison; replaces only its own file", async () => {
    writeFileSync(path("demo.xlsx"), "mine");
    expect((await cli("demo", "--out", path("demo.xlsx"))).code).toBe(2);
    const { code, stdout, err } = await cli("demo", "--out", path("demo.xlsx"), "--force");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^CompAlign demo: 360 reps on 3 plans, 6 scenarios \(Baseline first\)/);
    expect(stdout).toContain(`Wrote ${path("demo.xlsx")}: Alignment View, Baseline,`);
    expect(err[0]).toMatch(/^compalign demo: done in \d+ ms$/);
    // Another extension than .xlsx would give a file Excel refuses to open.
    const csv = await cli("demo", "--out", path("demo.csv"));
    expect(csv.code).toBe(2);
    expect(csv.err).toEqual([
      `compalign demo: --out ${path("demo.csv")} must end in .xlsx: the file written is an Excel workbook, which Excel opens only as .xlsx (nothing was computed or written)`,
    ]);
    // Now a CompAlign report: replaced without --force.
    expect((await cli("demo", "--out", path("demo.xlsx"))).code).toBe(0);
  });
});

describe("run (bin/compalign.js's entry)", () => {
  it("sets the exit status from main", async () => {
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    const saved = process.exitCode;
    try {
      run(["node", "compalign", "--help"]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(process.exitCode).toBe(0);
      expect(String(write.mock.calls[0][0])).toMatch(/^Usage: compalign <command>/);
    } finally {
      write.mockRestore();
      process.exitCode = saved;
    }
  });

  it("main defaults to the process's streams", async () => {
    const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await main(["nope"])).toBe(2);
      expect(String(write.mock.calls[0][0])).toMatch(/unknown command "nope".*\n$/);
    } finally {
      write.mockRestore();
    }
  });
});

describe("failures no command turned into a message", () => {
  afterEach(() => jest.restoreAllMocks());

  const failReading = (error: unknown) =>
    jest.spyOn(XlsxWorkbook.prototype, "readSheets").mockRejectedValue(error);

  it("a JavaScript error is never shown: exit 1, one plain line", async () => {
    failReading(new TypeError("x is undefined"));
    const { code, err, stdout } = await cli("check", PLAN());
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(err).toEqual([
      "compalign check: an unexpected problem stopped the run; nothing was written. Please report it with the workbook (COMPALIGN_DEBUG=1 shows the details).",
    ]);
  });

  it("COMPALIGN_DEBUG=1 shows the stack for a bug report", async () => {
    failReading(new TypeError("x is undefined"));
    process.env.COMPALIGN_DEBUG = "1";
    try {
      const { err } = await cli("pulse", PLAN());
      expect(err[0]).toMatch(/^compalign pulse: TypeError: x is undefined\n\s+at /);
    } finally {
      delete process.env.COMPALIGN_DEBUG;
    }
  });

  it("a workbook's own error is its first line", async () => {
    failReading(new WorkbookError("unreadable", "the Reps sheet is too large\ndetails"));
    const { code, err } = await cli("explain", PLAN());
    expect(code).toBe(1);
    expect(err).toEqual(["compalign explain: the Reps sheet is too large"]);
  });

  it("an action's error names the input: exit 1 when the plan cannot be computed, else 2", async () => {
    const io = capture();
    const job = (error: ActionError) => ({
      compute: () => Promise.reject(error),
      wrote: () => "",
      output: () => 0,
    });
    const args = { input: PLAN(), json: false };
    for (const [error, status] of [
      [new ActionError("not-computable", "No rep could be computed."), 1],
      [new ActionError("no-matrix", "There is no Matrix sheet."), 2],
    ] as const) {
      const thrown = await runWorkbookCommand("compalign x", args, io, job(error)).catch((e) => e);
      expect(thrown).toBeInstanceOf(CliError);
      expect(thrown).toMatchObject({
        message: `compalign x: ${PLAN()}: ${error.message}`,
        exitCode: status,
      });
    }
  });

  it("a failed write is exit 1 naming OUT, after the checks on it passed", async () => {
    jest
      .spyOn(XlsxWorkbook.prototype, "writeFile")
      .mockRejectedValue(new Error("ENOSPC: no space left on device\nat write"));
    const { code, err } = await cli("risk", PLAN(), "--out", path("full.xlsx"));
    expect(code).toBe(1);
    expect(err.at(-1)).toBe(
      `compalign risk: cannot write ${path("full.xlsx")} (ENOSPC: no space left on device)`
    );
  });
});
