/**
 * Command-line arguments of one command: positionals and `--flag` / `--flag value` /
 * `--flag=value` options, checked against the options the command declares (commandSpec.ts).
 * A problem is a CliError whose message names neither the command nor the usage: the caller
 * (parseCommand) adds both.
 */
import { CliError } from "./io";

/** An option either takes a value ("value") or is a switch ("switch"). */
export type OptionKind = "value" | "switch";

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

function readOption(
  arg: string,
  next: string | undefined,
  kindOf: (name: string) => OptionKind | undefined
): [name: string, value: string | true, used: number] {
  const eq = arg.indexOf("=");
  const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
  const kind = kindOf(name);
  if (!kind) throw new CliError(`unknown option --${name}`);
  if (kind === "switch") {
    if (eq > 0) throw new CliError(`--${name} takes no value`);
    return [name, true, 1];
  }
  if (eq > 0) return [name, arg.slice(eq + 1), 1];
  if (next === undefined || next.startsWith("--")) throw new CliError(`--${name} needs a value`);
  return [name, next, 2];
}

/** Splits `args` into positionals and the declared options; `--` ends the options. */
export function parseArgs(
  args: readonly string[],
  kindOf: (name: string) => OptionKind | undefined
): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length;) {
    const arg = args[i];
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("--") && arg.length > 2) {
      const [name, value, used] = readOption(arg, args[i + 1], kindOf);
      if (name in options) throw new CliError(`--${name} given twice`);
      options[name] = value;
      i += used;
    } else if (arg.startsWith("-") && arg.length > 1) {
      throw new CliError(`unknown option ${arg}`);
    } else {
      positionals.push(arg);
      i++;
    }
  }
  return { positionals, options };
}
