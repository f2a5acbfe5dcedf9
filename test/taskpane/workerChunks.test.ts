/**
 * Big arrays cross between the pane and its worker in row chunks (protocol.ts ROWS_PER_MESSAGE,
 * here 3 rows so the 8-rep starter book is "big"): the Reps read as `rows` messages before the
 * reply, each laid-out tab's blocks as `part-rows` before its `part`; the results are the same.
 */
import { setupWorkbook } from "../../src/actions";
import {
  computeScenarioRun,
  runScenarioAction,
  scenarioTabBuilders,
  type ComputedScenarioRun,
} from "../../src/actions/runScenarios";
import type { ScenarioRun } from "../../src/engine/scenarioRunner";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { arrangeReport } from "../../src/workbook/reportLayout";
import { joinTab, rowChunks, splitTab } from "../../src/taskpane/worker/protocol";
import { StandInWorker } from "./standInWorker";

jest.mock("../../src/taskpane/worker/protocol", () => ({
  ...jest.requireActual("../../src/taskpane/worker/protocol"),
  ROWS_PER_MESSAGE: 3,
}));

let standIn: StandInWorker | null = null;
jest.mock("../../src/taskpane/worker/createWorker", () => ({
  createWorker: () => {
    standIn = new StandInWorker();
    return standIn;
  },
}));

async function starterBook() {
  const book = new MemoryWorkbook();
  await setupWorkbook(book);
  return book;
}

afterEach(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
  standIn = null;
  jest.resetModules();
});

describe("row chunks", () => {
  it("rowChunks slices in order, the last chunk shorter", () => {
    expect(rowChunks([[1], [2], [3], [4], [5]], 2)).toEqual([[[1], [2]], [[3], [4]], [[5]]]);
    expect(rowChunks([], 2)).toEqual([]);
  });

  it("splitTab empties only the blocks over the size; joinTab gives the same tab back", () => {
    const tab = {
      name: "T",
      blocks: [
        { at: "A1", values: [["title"]] },
        {
          at: "A3",
          values: [[1], [2], [3], [4], [5]],
          formulas: [[null], ["=A3"], [null], [null], ["=A6"]],
        },
      ],
    };
    const { head, chunks } = splitTab(tab, 2);
    expect(head.blocks[0]).toBe(tab.blocks[0]);
    expect(head.blocks[1]).toEqual({ at: "A3", values: [], formulas: [] });
    expect(chunks.map((c) => `${c.block} ${c.field} ${c.rows.length}`)).toEqual([
      "1 values 2",
      "1 values 2",
      "1 values 1",
      "1 formulas 2",
      "1 formulas 2",
      "1 formulas 1",
    ]);
    expect(joinTab(structuredClone(head), structuredClone(chunks))).toEqual(tab);
    expect(tab.blocks[1].values).toHaveLength(5); // the original is untouched
  });
});

describe("through the worker, in chunks", () => {
  it("the Reps read crosses in row messages before its reply, with the same figures", async () => {
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const { runTask } = await import("../../src/taskpane/worker/host");
    const book = await starterBook();
    const run = await runTask<ScenarioRun>("scenarios", {}, { book });
    const direct = await computeScenarioRun(await starterBook());
    expect(run.scenarios.map((s) => [s.name, s.figures])).toEqual(
      direct.scenarios.map((s) => [s.name, s.figures])
    );
    expect(Array.from(run.scenarios[0].reps.payout)).toEqual(
      Array.from(direct.scenarios[0].reps.payout)
    );
    const sent = standIn!.sent;
    const rows = sent.filter((m) => m.type === "rows");
    // Reps: a header row and 8 reps = 9 rows, in 3 chunks of 3, then the one reply.
    const reps = (await book.readSheets(["Reps"]))[0]!;
    expect(rows.length).toBeGreaterThanOrEqual(Math.ceil(reps.values.length / 3));
    expect(sent.map((m) => m.type).lastIndexOf("rows")).toBeLessThan(
      sent.map((m) => m.type).indexOf("reply")
    );
    for (const m of rows) if (m.type === "rows") expect(m.rows.length).toBeLessThanOrEqual(3);
  });

  it("each tab's blocks cross in part-rows before its part; the tabs written are the same", async () => {
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const { runTask } = await import("../../src/taskpane/worker/host");
    const computed = await runTask<ComputedScenarioRun>(
      "scenarios",
      { runDate: "2026-12-06" },
      { book: await starterBook() }
    );
    const expected = scenarioTabBuilders(await computeScenarioRun(await starterBook())).map(
      (build) => arrangeReport(build(1), { runDate: "2026-12-06" })
    );
    expect(computed.tabs).toEqual(JSON.parse(JSON.stringify(expected)));
    const posted = standIn!.received.filter((t) => t === "part-rows" || t === "part");
    expect(posted.filter((t) => t === "part")).toHaveLength(expected.length);
    expect(posted.filter((t) => t === "part-rows").length).toBeGreaterThan(expected.length);
    expect(posted[0]).toBe("part-rows");

    const viaWorker = await starterBook();
    await runScenarioAction(viaWorker, { compute: async () => computed });
    const direct = await starterBook();
    direct.runDate = "2026-12-06";
    const written = await runScenarioAction(direct);
    for (const { name } of written.sheets)
      expect(viaWorker.snapshot(name)).toEqual(direct.snapshot(name));
  });
});
