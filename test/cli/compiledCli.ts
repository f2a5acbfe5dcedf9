/**
 * The end-to-end tests run the real `node bin/compalign.js`, which needs the compiled lib/
 * (`npm run prepare`, run by `npm ci`). This recompiles it when a source file is newer.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
/** The source folders tsconfig.node.json compiles into lib/. */
const COMPILED: string[] = JSON.parse(
  readFileSync(join(ROOT, "tsconfig.node.json"), "utf8")
).include;
const MAIN = join(ROOT, "lib", "cli", "main.js");

function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory()
      ? newestSource(path)
      : entry.name.endsWith(".ts")
        ? statSync(path).mtimeMs
        : 0;
    return Math.max(newest, time);
  }, 0);
}

export function ensureCompiledCli(): void {
  const sources = Math.max(...COMPILED.map((d) => newestSource(join(ROOT, d))));
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= sources) return;
  const tsc = spawnSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.node.json"],
    { cwd: ROOT, encoding: "utf8" }
  );
  if (!existsSync(MAIN)) throw new Error(`npm run prepare failed:\n${tsc.stdout}${tsc.stderr}`);
}

/** Runs `node bin/compalign.js ...args` and returns its status and output. */
export function compalign(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, "bin", "compalign.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
}
