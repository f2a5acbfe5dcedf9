import { mkdtempSync, rmSync } from "fs";
import { spawnSync, type SpawnSyncReturns } from "child_process";
import { tmpdir } from "os";
import { join } from "path";

/** LibreOffice is installed (`.ci/run` installs it; tests that need it skip where it is not). */
export const HAS_SOFFICE = spawnSync("which", ["soffice"]).status === 0;

/**
 * Opens `file` in LibreOffice headless and converts it (`format`: "pdf", "ods", or a csv filter)
 * into `outdir`, with a fresh profile so runs never share state. The second, independent
 * spreadsheet application the tests check written workbooks against.
 */
export function convertWithLibreOffice(
  file: string,
  format: string,
  outdir: string,
  timeout = 180_000
): SpawnSyncReturns<string> {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    return spawnSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${profile}`,
        "--convert-to",
        format,
        "--outdir",
        outdir,
        file,
      ],
      { encoding: "utf8", timeout }
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
