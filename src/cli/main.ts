/**
 * `compalign <command> [args]`: the command table and dispatch. A command is one entry here
 * (usage, one-line summary, help, run); later commands (init, check, scenarios, pulse,
 * explain, demo) are added the same way.
 */
import { CALC_HELP, CALC_USAGE, parseCalcArgs, runCalc } from "./calc";
import { CHECK_HELP, CHECK_USAGE, parseCheckArgs, runCheck } from "./check";
import { DEMO_HELP, DEMO_USAGE, parseDemoArgs, runDemo } from "./demo";
import { EXPLAIN_HELP, EXPLAIN_USAGE, parseExplainArgs, runExplainCommand } from "./explain";
import { parsePulseArgs, PULSE_HELP, PULSE_USAGE, runPulseCommand } from "./pulse";
import { INIT_HELP, INIT_USAGE, parseInitArgs, runInit } from "./init";
import {
  parseScenariosArgs,
  runScenariosCommand,
  SCENARIOS_HELP,
  SCENARIOS_USAGE,
} from "./scenarios";
import { CliError, processIo, type Io } from "./io";
import { parseRiskArgs, RISK_HELP, RISK_USAGE, runRiskCommand } from "./risk";
import { ActionError } from "../actions";
import { WorkbookError } from "../workbook/port";

interface Command {
  usage: string;
  summary: string;
  help: string;
  /** Resolves to the exit status (0 when the command has no other outcome to report). */
  run: (args: readonly string[], io: Io) => Promise<number | void>;
}

const COMMANDS: Record<string, Command> = {
  calc: {
    usage: CALC_USAGE,
    summary: "evaluate every formula of a workbook (COMP functions included) headless",
    help: CALC_HELP,
    run: (args, io) => runCalc(parseCalcArgs(args), io),
  },
  init: {
    usage: INIT_USAGE,
    summary: "write a new CompAlign workbook with the starter plan",
    help: INIT_HELP,
    run: (args, io) => runInit(parseInitArgs(args), io),
  },
  check: {
    usage: CHECK_USAGE,
    summary: "check a plan design against the alignment rules (exit 1 on error findings)",
    help: CHECK_HELP,
    run: (args, io) => runCheck(parseCheckArgs(args), io),
  },
  scenarios: {
    usage: SCENARIOS_USAGE,
    summary: "run the what-if scenarios rep by rep and write scenario tabs",
    help: SCENARIOS_HELP,
    run: (args, io) => runScenariosCommand(parseScenariosArgs(args), io),
  },
  pulse: {
    usage: PULSE_USAGE,
    summary: "check a live plan, plan by plan, on the period's actuals against healthy bands",
    help: PULSE_HELP,
    run: (args, io) => runPulseCommand(parsePulseArgs(args), io),
  },
  explain: {
    usage: EXPLAIN_USAGE,
    summary: "explain each plan for reps (plan on a page) and write Plan - <name> tabs",
    help: EXPLAIN_HELP,
    run: (args, io) => runExplainCommand(parseExplainArgs(args), io),
  },
  risk: {
    usage: RISK_USAGE,
    summary:
      "simulate each scenario's cost at risk: P50, P90 and the chance of exceeding the budget",
    help: RISK_HELP,
    run: (args, io) => runRiskCommand(parseRiskArgs(args), io),
  },
  demo: {
    usage: DEMO_USAGE,
    summary: "run everything on the built-in sample and write compalign-demo.xlsx",
    help: DEMO_HELP,
    run: (args, io) => runDemo(parseDemoArgs(args), io),
  },
};

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h" || arg === "help";

export function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return [
    "Usage: compalign <command> [arguments]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run `compalign <command> --help` for a command's options.",
  ].join("\n");
}

const findCommand = (name: string | undefined): Command | undefined =>
  name !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, name)
    ? COMMANDS[name]
    : undefined;

/**
 * An error no command turned into a plain message. A workbook's or an action's own error is
 * already plain words; anything else (a JavaScript error) is never shown as such: no error text
 * or stack reaches the user (COMPALIGN_DEBUG=1 prints it for a bug report).
 */
function unexpected(e: unknown): string {
  if (e instanceof WorkbookError || e instanceof ActionError) return e.message.split("\n")[0];
  if (process.env.COMPALIGN_DEBUG) return String(e instanceof Error ? e.stack : e);
  return "an unexpected problem stopped the run; nothing was written. Please report it with the workbook (COMPALIGN_DEBUG=1 shows the details).";
}

/** Runs the command line (without `node` and the script path); resolves to the exit status. */
export async function main(args: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    io.stderr(usage());
    return 2;
  }
  if (isHelp(name)) {
    io.stdout(`${findCommand(rest[0])?.help ?? usage()}\n`);
    return 0;
  }
  const command = findCommand(name);
  if (!command) {
    io.stderr(
      `compalign: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")}; see compalign --help)`
    );
    return 2;
  }
  if (rest.some((arg) => arg === "--help" || arg === "-h")) {
    io.stdout(`${command.help}\n`);
    return 0;
  }
  try {
    return (await command.run(rest, io)) ?? 0;
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(e.message);
      return e.exitCode;
    }
    io.stderr(`compalign ${name}: ${unexpected(e)}`);
    return 1;
  }
}

/** Entry point for bin/compalign.js: runs `main` on process.argv and sets the exit code. */
export function run(argv: readonly string[] = process.argv): void {
  main(argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`compalign: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  );
}
