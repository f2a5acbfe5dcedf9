/** What a CLI command talks to: two output streams. Tests pass their own. */
export interface Io {
  /** Machine output (JSON). */
  stdout: (text: string) => void;
  /** Progress, warnings and errors, one line each. */
  stderr: (text: string) => void;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/** A failure to report as one line on stderr with this exit code (2: bad usage or input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2
  ) {
    super(message);
  }
}

/** "1 scenario", "6 scenarios": a count and its noun, for the CLI's stderr lines. */
export const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;
