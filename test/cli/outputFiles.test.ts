/**
 * What every command that writes a file checks before computing (`--out` not empty, its folder
 * there and writable, an existing file replaced only when it is a CompAlign report or with
 * --force), and that writes are atomic: a write that fails part-way (a file-size limit set with
 * `ulimit -f`) leaves the previous file byte for byte as it was and no temporary file behind.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isCompAlignReport } from "../../src/cli/files";
import { compalign, ensureCompiledCli, ROOT } from "./compiledCli";
import { cli as run, sha, tempFolder } from "./helpers";

const { path, dir: folder } = tempFolder("compalign-out-", async ({ path }) => {
  ensureCompiledCli();
  expect((await run("init", path("plan.xlsx"))).code).toBe(0);
});

/** Every command with --out, on the starter plan. */
const WRITERS: [string, string[]][] = [
  ["scenarios", []],
  ["pulse", ["--json"]],
  ["explain", ["--json"]],
  ["check", ["--json"]],
  ["calc", []],
  ["risk", ["--json"]],
];

describe("--out is checked before anything is computed", () => {
  it.each(WRITERS)("%s: an empty --out= is refused with exit 2", async (command, extra) => {
    const result = await run(command, path("plan.xlsx"), "--out=", ...extra);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`compalign ${command}: --out needs a file name (it is empty)`);
    expect(result.stdout).toBe("");
  });

  it.each(WRITERS)(
    "%s: a folder that does not exist is refused with exit 2",
    async (command, extra) => {
      const out = join(folder(), "no-such-folder", "out.xlsx");
      const result = await run(command, path("plan.xlsx"), "--out", out, ...extra);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `cannot write ${out}: the folder ${join(folder(), "no-such-folder")} does not exist`
      );
      expect(result.stdout).toBe("");
    }
  );

  it.each(WRITERS)(
    "%s: an existing file that is not a CompAlign report is refused (kept as it was), replaced with --force",
    async (command, extra) => {
      const out = path(`user-${command}.xlsx`);
      writeFileSync(out, "my own notes, not a workbook");
      const refused = await run(command, path("plan.xlsx"), "--out", out, ...extra);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${out} exists and is not a CompAlign report`);
      expect(refused.stderr).toContain("--force");
      expect(refused.stdout).toBe("");
      expect(readFileSync(out, "utf8")).toBe("my own notes, not a workbook");
      const forced = await run(command, path("plan.xlsx"), "--out", out, "--force", ...extra);
      expect(forced.code).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    },
    60000
  );

  it("refuses a user's workbook (an .xlsx without CompAlign's marks), and replaces a CompAlign report", async () => {
    // The starter workbook is the user's input: CompAlign owns none of its sheets.
    expect(isCompAlignReport(path("plan.xlsx"))).toBe(false);
    const userBook = path("user-book.xlsx");
    writeFileSync(userBook, readFileSync(path("plan.xlsx")));
    const refused = await run("check", path("plan.xlsx"), "--out", userBook);
    expect(refused.code).toBe(2);
    expect(sha(userBook)).toBe(sha(path("plan.xlsx")));

    const report = path("report.xlsx");
    expect((await run("check", path("plan.xlsx"), "--out", report)).code).toBe(0);
    expect(isCompAlignReport(report)).toBe(true);
    const again = await run("scenarios", path("plan.xlsx"), "--out", report);
    expect(again.code).toBe(0);
    expect(isCompAlignReport(report)).toBe(true);
  }, 60000);

  it("demo and init check their output too", async () => {
    const notes = path("notes.xlsx");
    writeFileSync(notes, "notes");
    const demo = await run("demo", "--out", notes);
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain("is not a CompAlign report");
    expect(readFileSync(notes, "utf8")).toBe("notes");
    const init = await run("init", join(folder(), "missing", "plan.xlsx"));
    expect(init.code).toBe(2);
    expect(init.stderr).toContain("does not exist");
  });

  const root = process.getuid?.() === 0;
  (root ? it.skip : it)("refuses a folder it cannot write to (not checkable as root)", async () => {
    const locked = path("locked");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const result = await run("check", path("plan.xlsx"), "--out", join(locked, "out.xlsx"));
    chmodSync(locked, 0o755);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not writable");
  });
});

describe("atomic writes", () => {
  it("a write cut short by a file-size limit leaves the previous report untouched and no temporary file", () => {
    const out = path("atomic.xlsx");
    const first = compalign("scenarios", path("plan.xlsx"), "--out", out);
    expect(first.status).toBe(0);
    const before = sha(out);
    const size = readFileSync(out).length;
    expect(size).toBeGreaterThan(20 * 1024);
    // ulimit -f counts 1024-byte blocks: room for a little, not for the whole report.
    const limited = spawnSync(
      "bash",
      [
        "-c",
        `ulimit -f 8; exec "$0" bin/compalign.js scenarios "$1" --out "$2"`,
        process.execPath,
        path("plan.xlsx"),
        out,
      ],
      { cwd: ROOT, encoding: "utf8" }
    );
    expect(limited.status).not.toBe(0);
    expect(sha(out)).toBe(before);
    expect(readdirSync(folder()).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60000);
});
