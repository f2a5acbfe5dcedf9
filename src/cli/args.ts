/**
 * Command-line arguments of one command: positionals and `--flag` / `--flag value` /
 * `--flag=value` options, checked against what the command declares.
 */
import { CliError } from "./io";

/** An option either takes a value ("value") or is a switch ("switch"). */
export type OptionKinds = Record<string, "value" | "switch">;

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

function readOption(
  arg: string,
  next: string | undefined,
  kinds: OptionKinds,
  command: string
): [name: string, value: string | true, used: number] {
  const eq = arg.indexOf("=");
  const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
  const kind = kinds[name];
  if (!kind) throw new CliError(`${command}: unknown option --${name}`);
  if (kind === "switch") {
    if (eq > 0) throw new CliError(`${command}: --${name} takes no value`);
    return [name, true, 1];
  }
  if (eq > 0) return [name, arg.slice(eq + 1), 1];
  if (next === undefined || next.startsWith("--"))
    throw new CliError(`${command}: --${name} needs a value`);
  return [name, next, 2];
}

/** Parses `args`; a problem is a CliError naming `command` and ending with `usage`. */
export function parseArgs(
  args: readonly string[],
  kinds: OptionKinds,
  command: string,
  usage: string
): ParsedArgs {
  try {
    return parse(args, kinds, command);
  } catch (e) {
    throw e instanceof CliError ? new CliError(`${e.message} (usage: ${usage})`) : e;
  }
}

function parse(args: readonly string[], kinds: OptionKinds, command: string): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length;) {
    const arg = args[i];
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("--") && arg.length > 2) {
      const [name, value, used] = readOption(arg, args[i + 1], kinds, command);
      if (name in options) throw new CliError(`${command}: --${name} given twice`);
      options[name] = value;
      i += used;
    } else if (arg.startsWith("-") && arg.length > 1) {
      throw new CliError(`${command}: unknown option ${arg}`);
    } else {
      positionals.push(arg);
      i++;
    }
  }
  return { positionals, options };
}
