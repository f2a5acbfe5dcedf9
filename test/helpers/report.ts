import fs from "fs";
import path from "path";

/** Where measurements taken during tests are written (ignored by git; CI keeps the console clean). */
export const TEST_REPORTS = path.join(__dirname, "..", "e2e", "artifacts", "reports");

/** Writes a measurement a test took to test/e2e/artifacts/reports/<name>. */
export function writeTestReport(name: string, text: string): void {
  fs.mkdirSync(TEST_REPORTS, { recursive: true });
  fs.writeFileSync(path.join(TEST_REPORTS, name), text);
}
