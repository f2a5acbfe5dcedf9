/**
 * `compalign <command> [args]`: the command table and dispatch. Each command is one declaration
 * (defineCommand in its own file: options, usage, help, parser, runner); adding a command is
 * adding its file and one entry to COMMANDS.
 */
import { ActionError } from "../actions";
import { WorkbookError } from "../workbook/port";
import { CALC_COMMAND } from "./calc";
import { CHECK_COMMAND } from "./check";
import type { Command } from "./commandSpec";
import { DEMO_COMMAND } from "./demo";
import { EXPLAIN_COMMAND } from "./explain";
import { INIT_COMMAND } from "./init";
import { CliError, processIo, type Io } from "./io";
import { PULSE_COMMAND } from "./pulse";
import { RISK_COMMAND } from "./risk";
import { SCENARIOS_COMMAND } from "./scenarios";

/** Every command, in the order `compalign --help` lists them. */
export const COMMANDS: readonly Command[] = [
  CALC_COMMAND,
  INIT_COMMAND,
  CHECK_COMMAND,
  SCENARIOS_COMMAND,
  PULSE_COMMAND,
  EXPLAIN_COMMAND,
  RISK_COMMAND,
  DEMO_COMMAND,
];

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h" || arg === "help";

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
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
  COMMANDS.find((c) => c.name === name);

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
  const unknown = (what: string) => {
    io.stderr(
      `compalign: unknown command "${what}" (commands: ${COMMANDS.map((c) => c.name).join(", ")}; see compalign --help)`
    );
    return 2;
  };
  if (isHelp(name)) {
    // `compalign help scenario` (a typo) says so rather than printing the general help.
    if (rest[0] !== undefined && !isHelp(rest[0]) && !findCommand(rest[0])) return unknown(rest[0]);
    io.stdout(`${findCommand(rest[0])?.help ?? usage()}\n`);
    return 0;
  }
  const command = findCommand(name);
  if (!command) return unknown(name);
  if (rest.some((arg) => arg === "--help" || arg === "-h")) {
    io.stdout(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
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
