/** The command line's parsing and dispatch, in process (calc itself is tested end to end in calc.test.ts). */
import { parseCalcArgs } from "../../src/cli/calc";
import { CliError } from "../../src/cli/io";
import { main, usage } from "../../src/cli/main";
import { capture } from "./helpers";

describe("parseCalcArgs", () => {
  it.each([
    [["in.xlsx"], { input: "in.xlsx", out: undefined, json: true }],
    [["in.xlsx", "--json"], { input: "in.xlsx", out: undefined, json: true }],
    [["in.xlsx", "--out", "o.xlsx"], { input: "in.xlsx", out: "o.xlsx", json: false }],
    [["--out=o.xlsx", "in.xlsx"], { input: "in.xlsx", out: "o.xlsx", json: false }],
    [["in.xlsx", "--out", "o.xlsx", "--json"], { input: "in.xlsx", out: "o.xlsx", json: true }],
    [["--json", "--", "--odd-name.xlsx"], { input: "--odd-name.xlsx", out: undefined, json: true }],
  ])("%j", (args, expected) => {
    expect(parseCalcArgs(args)).toEqual(expected);
  });

  it.each([
    [["in.xlsx", "--verbose"], "unknown option --verbose"],
    [["in.xlsx", "-v"], "unknown option -v"],
    [["in.xlsx", "--json=yes"], "--json takes no value"],
    [["in.xlsx", "--out"], "--out needs a value"],
    [["in.xlsx", "--out", "--json"], "--out needs a value"],
    [["in.xlsx", "--out", "a", "--out", "b"], "--out given twice"],
    [[], "expected one input file, got 0"],
  ])("%j is a usage error", (args, message) => {
    expect(() => parseCalcArgs(args)).toThrow(CliError);
    expect(() => parseCalcArgs(args)).toThrow(message);
    expect(() => parseCalcArgs(args)).toThrow(
      "(usage: compalign calc IN.xlsx [--out OUT.xlsx] [--json])"
    );
  });
});

describe("main", () => {
  it("prints the usage on stderr with status 2 when given nothing", async () => {
    const io = capture();
    expect(await main([], io)).toBe(2);
    expect(io.err.join("")).toBe(usage());
    expect(io.out).toEqual([]);
  });

  it.each([["--help"], ["-h"], ["help"]])("%s prints the usage on stdout", async (flag) => {
    const io = capture();
    expect(await main([flag], io)).toBe(0);
    expect(io.out.join("")).toContain("compalign calc IN.xlsx");
  });

  it("help calc and calc --help print calc's help", async () => {
    for (const args of [
      ["help", "calc"],
      ["calc", "--help"],
      ["calc", "x.xlsx", "-h"],
    ]) {
      const io = capture();
      expect(await main(args, io)).toBe(0);
      expect(io.out.join("")).toMatch(/^Usage: compalign calc/);
    }
  });

  it("rejects an unknown command in one line", async () => {
    const io = capture();
    expect(await main(["constructor"], io)).toBe(2);
    expect(io.err).toEqual([
      'compalign: unknown command "constructor" (commands: calc, init, check, scenarios, pulse, explain, risk, demo; see compalign --help)',
    ]);
  });

  it("reports a usage error in one line", async () => {
    const io = capture();
    expect(await main(["calc", "a.xlsx", "--bogus"], io)).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(/^compalign calc: unknown option --bogus/);
  });
});
