/**
 * A 100,000-rep workbook through the Office.js adapter and the recording fake of Excel, which
 * fails any request or response over Excel on the web's 5 MB limit as a real host would. Check
 * alignment, Run scenarios and Pulse check each read the roster in row chunks (one sync each)
 * within the limit: read syncs ≤ ceil(bytes read / 4 MB) + the number of small sheets read.
 * The counts go to test/e2e/artifacts/reports/office-big-reads.txt (docs/benchmarks.md).
 */
import { runAlignmentCheck } from "../../src/actions/checkAlignment";
import { runPulseCheck } from "../../src/actions/pulseCheck";
import { runScenarioAction } from "../../src/actions/runScenarios";
import { sampleSheets } from "../../src/reports/sampleWorkbook";
import { runInExcel } from "../../src/workbook/office";
import type { SheetValue } from "../../src/workbook/port";
import { READ_LIMIT_BYTES } from "../../src/workbook/readChunks";
import { writeTestReport } from "../helpers/report";
import {
  EXCEL_PAYLOAD_LIMIT_BYTES,
  installFakeExcel,
  type SyncRecord,
} from "./officeFake/fakeExcel";
import { FakeBook } from "./officeFake/model";

const REPS = 100_000;

/** The demo sample with its roster grown to REPS reps (each sample rep repeated, renamed). */
function bigSample(): Record<string, SheetValue[][]> {
  const sheets: Record<string, SheetValue[][]> = {};
  for (const sheet of sampleSheets()) {
    const [block] = sheet.blocks;
    if (sheet.name !== "Reps") {
      sheets[sheet.name] = block.values as SheetValue[][];
      continue;
    }
    const [header, ...rows] = block.values as SheetValue[][];
    const grown: SheetValue[][] = [header];
    for (let i = 0; i < REPS; i++) {
      const row = rows[i % rows.length].slice();
      row[0] = `${row[0]} ${Math.floor(i / rows.length) + 1}`;
      grown.push(row);
    }
    sheets.Reps = grown;
  }
  return sheets;
}

const reportLines: string[] = [];
afterAll(() => {
  if (reportLines.length > 0)
    writeTestReport(
      "office-big-reads.txt",
      `100,000-rep workbook through the Office adapter and the fake (5 MB limits enforced):\n${reportLines.join("\n")}\n`
    );
});

describe("a 100,000-rep workbook in Excel (fake, 5 MB limits)", () => {
  const book = FakeBook.with(bigSample());
  const excel = installFakeExcel(book);
  afterAll(() => excel.restore());

  async function measured<T>(label: string, smallSheets: number, action: () => Promise<T>) {
    const before = excel.syncs.length;
    const result = await action();
    const syncs: SyncRecord[] = excel.syncs.slice(before);
    const reads = syncs.filter((s) => s.loads > 0 && s.writes === 0);
    const bytesRead = reads.reduce((sum, s) => sum + s.responseBytes, 0);
    const largestResponse = Math.max(...syncs.map((s) => s.responseBytes));
    const largestRequest = Math.max(...syncs.map((s) => s.payloadBytes));
    expect(syncs.filter((s) => s.failed)).toEqual([]);
    expect(largestResponse).toBeLessThanOrEqual(EXCEL_PAYLOAD_LIMIT_BYTES);
    expect(largestRequest).toBeLessThanOrEqual(EXCEL_PAYLOAD_LIMIT_BYTES);
    const bound = Math.ceil(bytesRead / READ_LIMIT_BYTES) + smallSheets;
    expect(reads.length).toBeLessThanOrEqual(bound);
    // The roster alone is over one response: it really was read in chunks.
    expect(bytesRead).toBeGreaterThan(EXCEL_PAYLOAD_LIMIT_BYTES);
    reportLines.push(
      `${label}: ${reads.length} read syncs (bound ${bound}: ceil(${bytesRead} bytes / 4 MB) + ${smallSheets} small sheets), ${syncs.length - reads.length} other syncs; largest response ${largestResponse} bytes, largest request ${largestRequest} bytes`
    );
    return result;
  }

  it("Check alignment reads every rep within the limits", async () => {
    const check = await measured("Check alignment", 3, () => runInExcel(runAlignmentCheck));
    expect(check.design.components.length).toBeGreaterThan(0);
  }, 600_000);

  it("Run scenarios reads every rep and writes its tabs within the limits", async () => {
    const result = await measured("Run scenarios", 4, () =>
      runInExcel((port) => runScenarioAction(port))
    );
    expect(result.run.scenarios[0].reps.payout).toHaveLength(REPS);
    const detail = book.sheet(result.sheets[0].name);
    expect(detail.usedRange(true)!.rows).toBeGreaterThan(REPS);
  }, 600_000);

  it("Pulse check reads every rep within the limits", async () => {
    const result = await measured("Pulse check", 4, () =>
      runInExcel((port) => runPulseCheck(port, { today: "Q1 2026" }))
    );
    expect(result.sheet.name).toMatch(/^Pulse Check /);
  }, 600_000);
});
