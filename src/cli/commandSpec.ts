/**
 * One CLI command is ONE declaration (`defineCommand`): its name, its positional argument, its
 * options (kind, value name, help), a one-line summary, help paragraphs and examples. The usage
 * line, the `--help` text, the argument parser and main.ts's command list are all generated from
 * it, so a command's options are written once.
 */
import { parseArgs, type OptionKind } from "./args";
import { CliError, type Io } from "./io";

export interface OptionSpec {
  /** Without the dashes: "out". */
  name: string;
  kind: OptionKind;
  /** The value's name in the usage and help ("OUT.xlsx"); value options only. */
  arg?: string;
  /**
   * How the usage line shows the option: "[--json]" (optional), "--out OUT.xlsx" (required: the
   * command's usual form), or not at all (help: only in the help text).
   */
  usage: "optional" | "required" | "help";
  /** The help text; reflowed to the help's width, "\n\n" starts a new line. */
  help: string;
}

/** The command's one positional argument (none: the command takes no positional). */
export interface PositionalSpec {
  /** As the usage shows it: "IN.xlsx". */
  arg: string;
  /** As a usage error names it: "input file". */
  noun: string;
}

/** The parsed command line a command's `build` turns into its options. */
export interface ParsedCommand {
  /** The positional argument, when the command declares one (always present then). */
  positional: string;
  /** A value option's value, undefined when not given. */
  value(name: string): string | undefined;
  /** Whether a switch was given. */
  flag(name: string): boolean;
}

export interface CommandSpec<O> {
  name: string;
  /** One line for `compalign --help`. */
  summary: string;
  positional?: PositionalSpec;
  /** In usage order (options with usage "help" go wherever their help should). */
  options: readonly OptionSpec[];
  /** Paragraphs between the usage and the options (reflowed; "\n\n" separates paragraphs). */
  description: string;
  /** Paragraphs after the options: output, exit status. */
  footer?: string;
  /** Extra help sections generated elsewhere (e.g. pulse's check list), after the footer. */
  sections?: readonly string[];
  /** Complete command lines, shown under "Examples:". */
  examples: readonly string[];
  /** The command's options from the parsed line; a usage problem throws usageError(...). */
  build: (parsed: ParsedCommand) => O;
  /** Resolves to the exit status (undefined: 0). */
  run: (options: O, io: Io) => Promise<number | void>;
}

/** What main.ts dispatches to: the generated texts, the parser and the runner of one command. */
export interface Command<O = unknown> {
  name: string;
  summary: string;
  usage: string;
  help: string;
  /** The command's options from its arguments; a CliError "compalign NAME: ... (usage: ...)". */
  parse: (args: readonly string[]) => O;
  /** Parses and runs; resolves to the exit status. */
  run: (args: readonly string[], io: Io) => Promise<number>;
}

/** A usage problem found by a command's `build`; the parser adds the command and the usage. */
export const usageError = (message: string): CliError => new CliError(message);

const WIDTH = 96;

/** `text` reflowed into lines of at most `width` (a longer word gets its own line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");

const optionLabel = (o: OptionSpec) => `--${o.name}${o.arg ? ` ${o.arg}` : ""}`;

export function usageLine(spec: Pick<CommandSpec<unknown>, "name" | "positional" | "options">) {
  const parts = [`compalign ${spec.name}`];
  if (spec.positional) parts.push(spec.positional.arg);
  for (const o of spec.options)
    if (o.usage === "required") parts.push(optionLabel(o));
    else if (o.usage === "optional") parts.push(`[${optionLabel(o)}]`);
  return parts.join(" ");
}

/** The option list of a help text: "  --out OUT.xlsx  help..." with the help reflowed beside. */
export function optionLines(options: readonly OptionSpec[]): string[] {
  if (options.length === 0) return [];
  const column = Math.max(...options.map((o) => optionLabel(o).length)) + 4;
  return options.flatMap((o) => {
    const body = paragraphs(o.help).flatMap((p) => wrap(p, WIDTH - column));
    return body.map((text, i) =>
      i === 0 ? `  ${optionLabel(o).padEnd(column - 2)}${text}` : `${" ".repeat(column)}${text}`
    );
  });
}

export function helpText<O>(spec: CommandSpec<O>): string {
  const block = (text: string | undefined) =>
    text === undefined ? [] : paragraphs(text).map((p) => wrap(p, WIDTH).join("\n"));
  const options = optionLines(spec.options);
  return [
    `Usage: ${usageLine(spec)}`,
    ...block(spec.description),
    ...(options.length ? [options.join("\n")] : []),
    ...block(spec.footer),
    ...(spec.sections ?? []),
    ["Examples:", ...spec.examples.map((e) => `  ${e}`)].join("\n"),
  ].join("\n\n");
}

function parseWith<O>(spec: CommandSpec<O>, args: readonly string[]): O {
  const known = new Map(spec.options.map((o) => [o.name, o.kind]));
  const { positionals, options } = parseArgs(args, (name) => known.get(name));
  if (spec.positional && positionals.length !== 1)
    throw new CliError(`expected one ${spec.positional.noun}, got ${positionals.length}`);
  if (!spec.positional && positionals.length > 0)
    throw new CliError(`unexpected argument ${positionals[0]}`);
  return spec.build({
    positional: positionals[0],
    value: (name) => {
      const v = options[name];
      return typeof v === "string" ? v : undefined;
    },
    flag: (name) => options[name] === true,
  });
}

/** The command generated from its declaration. */
export function defineCommand<O>(spec: CommandSpec<O>): Command<O> {
  const usage = usageLine(spec);
  const parse = (args: readonly string[]): O => {
    try {
      return parseWith(spec, args);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      throw new CliError(`compalign ${spec.name}: ${e.message} (usage: ${usage})`, e.exitCode);
    }
  };
  return {
    name: spec.name,
    summary: spec.summary,
    usage,
    help: helpText(spec),
    parse,
    run: async (args, io) => (await spec.run(parse(args), io)) ?? 0,
  };
}

// The options several commands share, declared once.

/** `--out FILE`: the copy of the input with the command's tabs. */
export const outOption = (
  help: string,
  usage: OptionSpec["usage"] = "optional",
  arg = "OUT.xlsx"
): OptionSpec => ({ name: "out", kind: "value", arg, usage, help });

/** `--json`: the command's JSON contract on stdout. */
export const jsonOption = (help: string): OptionSpec => ({
  name: "json",
  kind: "switch",
  usage: "optional",
  help,
});

/** `--force`: replace an existing output that is not a CompAlign report. */
export const forceOption = (arg = "OUT.xlsx"): OptionSpec => ({
  name: "force",
  kind: "switch",
  usage: "help",
  help: `replace ${arg} even when it exists and is not a CompAlign report`,
});

/** The options of a command that reads IN.xlsx and may write OUT.xlsx. */
export interface FileArgs {
  input: string;
  out?: string;
  json: boolean;
  /** Replace an existing OUT that is not a CompAlign report. */
  force?: boolean;
}

/** `build` for a command with IN.xlsx, --out, --json and --force. */
export const fileArgs = (p: ParsedCommand): FileArgs => ({
  input: p.positional,
  out: p.value("out"),
  json: p.flag("json"),
  ...(p.flag("force") ? { force: true } : {}),
});

/** The input positional of the commands that read a CompAlign workbook. */
export const INPUT: PositionalSpec = { arg: "IN.xlsx", noun: "input file" };

/** The declaration of a command that reads IN.xlsx, with --out, --json and --force. */
export interface FileCommandSpec extends Pick<
  CommandSpec<FileArgs>,
  "name" | "summary" | "description" | "footer" | "sections" | "examples" | "run"
> {
  /** --out's help. */
  out: string;
  /** --json's help. */
  json: string;
  /** The usage and help show --json before --out (default: --out first). */
  jsonFirst?: boolean;
  /** The usage shows --out as the command's usual form ("--out OUT.xlsx", not "[--out ...]"). */
  outRequired?: boolean;
  /** Further rules on the options (default: none); a usage problem throws usageError(...). */
  refine?: (args: FileArgs) => FileArgs;
}

/** A command on IN.xlsx with --out OUT.xlsx, --json and --force, generated from `spec`. */
export function fileCommand(spec: FileCommandSpec): Command<FileArgs> {
  const { out, json, jsonFirst, outRequired, refine, ...rest } = spec;
  const outOptions = [outOption(out, outRequired ? "required" : "optional"), forceOption()];
  return defineCommand<FileArgs>({
    ...rest,
    positional: INPUT,
    options: jsonFirst ? [jsonOption(json), ...outOptions] : [...outOptions, jsonOption(json)],
    build: (parsed) => (refine ? refine(fileArgs(parsed)) : fileArgs(parsed)),
  });
}
