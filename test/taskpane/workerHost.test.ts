/**
 * The task pane's worker host (src/taskpane/worker): the protocol through a stand-in Worker that
 * runs worker.ts's own message handler (reads forwarded to the pane's port, progress, result,
 * cancel), the main-thread fallback where there is no Worker (jsdom, Node), and that the
 * scenario run through either gives the same figures and tabs as the action alone.
 */
import { setupWorkbook } from "../../src/actions";
import {
  computeScenarioRun,
  runScenarioAction,
  scenarioTabBuilders,
  type ComputedScenarioRun,
} from "../../src/actions/runScenarios";
import { arrangeReport } from "../../src/workbook/reportLayout";
import type { ScenarioRun } from "../../src/engine/scenarioRunner";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { toCloneable } from "../../src/taskpane/worker/protocol";
import { StandInWorker } from "./standInWorker";
import { isWorkerOnlyStep, SHEETS_SENT } from "../../src/taskpane/worker/host";

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

function figuresOf(run: ScenarioRun) {
  return run.scenarios.map((s) => ({ name: s.name, figures: s.figures }));
}

describe("toCloneable", () => {
  it("drops functions and keeps Maps, typed arrays and shared references", () => {
    const shared = { a: 1 };
    const value = {
      f: () => 1,
      m: new Map([["k", new Float64Array([1, 2])]]),
      list: [shared, shared, { g() {} }],
      n: null,
    };
    const copy = toCloneable(value) as typeof value;
    expect("f" in copy).toBe(false);
    expect(copy.m.get("k")).toEqual(new Float64Array([1, 2]));
    expect(copy.list[0]).toBe(copy.list[1]);
    expect(copy.list[2]).toEqual({});
    expect(() => structuredClone(copy)).not.toThrow();
  });

  it("makes a scenario run cloneable (its rep table carries a describe function)", async () => {
    const run = await computeScenarioRun(await starterBook());
    expect(() => structuredClone(run)).toThrow();
    const copy = structuredClone(toCloneable(run)) as ScenarioRun;
    expect(figuresOf(copy)).toEqual(figuresOf(run));
    expect(copy.scenarios[0].reps.payout).toEqual(run.scenarios[0].reps.payout);
  });
});

describe("runTask", () => {
  afterEach(() => {
    delete (globalThis as { Worker?: unknown }).Worker;
    standIn = null;
    jest.resetModules();
  });

  it("runs on the main thread where there is no Worker, with the action's own results", async () => {
    const { runTask, taskRunner } = await import("../../src/taskpane/worker/host");
    expect(taskRunner()).toBe("main-thread");
    const book = await starterBook();
    const progress: string[] = [];
    const run = await runTask<ScenarioRun>(
      "scenarios",
      {},
      {
        book,
        onProgress: (done, total, label) => progress.push(`${done}/${total} ${label}`),
      }
    );
    expect(figuresOf(run)).toEqual(figuresOf(await computeScenarioRun(await starterBook())));
    expect(progress[0]).toMatch(/^0\/9 Read \d+ reps; computing Baseline…$/);
    expect(progress[1]).toBe("1/9 Computed Baseline");
    expect(standIn).toBeNull();
  });

  it("runs in the worker: reads forwarded to the pane's port, progress, then the result", async () => {
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const { runTask, taskRunner } = await import("../../src/taskpane/worker/host");
    expect(taskRunner()).toBe("worker");
    const book = await starterBook();
    const reads: string[][] = [];
    const readSheets = book.readSheets.bind(book);
    book.readSheets = (names) => {
      reads.push(names);
      return readSheets(names);
    };
    const progress: number[] = [];
    const run = await runTask<ScenarioRun>(
      "scenarios",
      { only: ["Quotas up 10%"] },
      {
        book,
        onProgress: (done) => progress.push(done),
      }
    );
    // Read, two scenarios computed, then their two tabs and the comparison laid out (step 2),
    // then each of the three received in the pane (still step 2); first, the sheets sent (0).
    expect(run.scenarios.map((s) => s.name)).toEqual(["Baseline", "Quotas up 10%"]);
    expect(figuresOf(run)).toEqual(
      figuresOf(await computeScenarioRun(await starterBook(), { only: ["Quotas up 10%"] }))
    );
    expect(reads).toEqual([["Objectives", "Matrix", "Curves", "Reps", "Settings", "Scenarios"]]);
    expect(progress).toEqual([0, 0, 1, 2, 2, 2, 2, 2, 2, 2]);
    expect(standIn!.sent.map((m) => m.type)).toEqual(["start", "reply"]);
    expect(standIn!.sent[0]).toMatchObject({ type: "start", kind: "scenarios" });
  });

  it("the whole action through the worker writes the same tabs as without it", async () => {
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const { runTask } = await import("../../src/taskpane/worker/host");
    const viaWorker = await starterBook();
    viaWorker.runDate = "2026-12-06";
    const result = await runScenarioAction(viaWorker, {
      compute: (port, options) =>
        runTask<ComputedScenarioRun>(
          "scenarios",
          { only: options.only, runDate: port.runDate },
          { book: port }
        ),
    });
    const direct = await starterBook();
    direct.runDate = "2026-12-06";
    const expected = await runScenarioAction(direct);
    expect(viaWorker.snapshot("Baseline").print?.header).toContain("Run 2026-12-06");
    expect(result.sheets).toEqual(expected.sheets);
    for (const { name } of expected.sheets)
      expect(viaWorker.snapshot(name)).toEqual(direct.snapshot(name));
  });

  it("lays the tabs out in the worker: the adapter writes them as they come", async () => {
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const { runTask } = await import("../../src/taskpane/worker/host");
    const computed = await runTask<ComputedScenarioRun>(
      "scenarios",
      { runDate: "2026-12-06" },
      { book: await starterBook() }
    );
    const run = await computeScenarioRun(await starterBook());
    const expected = scenarioTabBuilders(run).map((build) =>
      arrangeReport(build(1), { runDate: "2026-12-06" })
    );
    expect(computed.tabs!.map((t) => t.name)).toEqual(expected.map((t) => t.name));
    // Each tab crossed in a message of its own, before the result.
    const posted = standIn!.received.filter((type) => type !== "progress" && type !== "read");
    expect(posted).toEqual([...expected.map(() => "part"), "result"]);
    expect(computed.tabs).toEqual(JSON.parse(JSON.stringify(expected)));
    // Laid out already: the adapter's own layout pass returns each tab as it is.
    for (const tab of computed.tabs!) expect(arrangeReport(tab)).toBe(tab);
    // The main thread lays out nothing: writing the laid-out tabs does not call the builders.
    const book = await starterBook();
    const written: string[] = [];
    const write = book.writeOwnedSheets.bind(book);
    book.writeOwnedSheets = (specs) => {
      specs.forEach((spec) => expect(spec.print).toBeDefined());
      written.push(...specs.map((spec) => spec.name));
      return write(specs);
    };
    await runScenarioAction(book, { compute: async () => computed });
    expect(written).toEqual(expected.map((t) => t.name));
  });

  it("progress arrives in order, the same through the worker and on the main thread", async () => {
    const trace = async () => {
      const { runTask } = await import("../../src/taskpane/worker/host");
      const steps: string[] = [];
      await runScenarioAction(await starterBook(), {
        compute: (port, options) =>
          runTask<ComputedScenarioRun>(
            "scenarios",
            { only: options.only },
            { book: port, onProgress: options.onProgress }
          ),
        onProgress: (done, total, label) => steps.push(`${done}/${total} ${label}`),
      });
      return steps;
    };
    const onMain = await trace();
    jest.resetModules();
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const inWorker = await trace();
    expect(standIn).not.toBeNull();
    // The worker path says each laid-out tab as it arrives (a step the main thread does not
    // have), after its "Laid out" and before the writes; otherwise the steps are the same.
    const received = inWorker.filter((step) => / Received /.test(step));
    expect(received.map((step) => step.replace(/^\S+ /, ""))).toEqual([
      ...(await computeScenarioRun(await starterBook())).scenarios.map((s) => `Received ${s.name}`),
      "Received Scenario Comparison",
    ]);
    expect(inWorker.filter((step) => !isWorkerOnlyStep(step.replace(/^\S+ /, "")))).toEqual(onMain);
    expect(inWorker[0]).toBe(`0/0 ${SHEETS_SENT}`);
    expect(inWorker.findIndex((step) => / Received /.test(step))).toBeGreaterThan(
      inWorker.findIndex((step) => /Laid out Scenario Comparison/.test(step))
    );
    const names = (await computeScenarioRun(await starterBook())).scenarios.map((s) => s.name);
    const n = names.length;
    const reps = (await computeScenarioRun(await starterBook())).reps.count;
    expect(onMain).toEqual([
      `0/${2 * n + 1} Read ${reps} reps; computing Baseline…`,
      ...names.map((name, i) => `${i + 1}/${2 * n + 1} Computed ${name}`),
      ...names.map((name) => `${n}/${2 * n + 1} Laid out ${name}`),
      `${n}/${2 * n + 1} Laid out Scenario Comparison`,
      ...names.flatMap((name, i) => [
        `${n + i}/${2 * n + 1} Writing tab ${i + 1} of ${n + 1}…`,
        `${n + i + 1}/${2 * n + 1} Wrote ${name}`,
      ]),
      `${2 * n}/${2 * n + 1} Writing tab ${n + 1} of ${n + 1}…`,
      `${2 * n + 1}/${2 * n + 1} Wrote Scenario Comparison`,
    ]);
  });

  it("warmUpWorker starts the worker before the first task, which then uses that same worker", async () => {
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const { runTask, warmUpWorker } = await import("../../src/taskpane/worker/host");
    expect(standIn).toBeNull();
    warmUpWorker();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const warmed = standIn;
    expect(warmed).not.toBeNull();
    warmUpWorker();
    const run = await runTask<ComputedScenarioRun>("scenarios", {}, { book: await starterBook() });
    expect(standIn).toBe(warmed);
    expect(warmed!.sent.map((m) => m.type)).toContain("start");
    expect(run.scenarios.length).toBeGreaterThan(0);
  });

  it("warmUpWorker does nothing where tasks run on the main thread", async () => {
    const { warmUpWorker, taskRunner } = await import("../../src/taskpane/worker/host");
    warmUpWorker();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(taskRunner()).toBe("main-thread");
    expect(standIn).toBeNull();
  });

  it("cancel aborts the task in the worker and rejects with Cancelled", async () => {
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const { runTask } = await import("../../src/taskpane/worker/host");
    const controller = new AbortController();
    const run = runTask(
      "scenarios",
      {},
      {
        book: await starterBook(),
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }
    );
    await expect(run).rejects.toMatchObject({
      kind: "cancelled",
      message: "Cancelled: the workbook was left as it was.",
    });
    expect(standIn!.sent.map((m) => m.type)).toContain("cancel");
  });

  it("an unknown kind and a failing read come back as errors", async () => {
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const { runTask } = await import("../../src/taskpane/worker/host");
    await expect(runTask("nope", {}, { book: await starterBook() })).rejects.toThrow(
      'no worker task "nope"'
    );
    await expect(runTask("scenarios", {}, { book: new MemoryWorkbook() })).rejects.toMatchObject({
      name: "ActionError",
      kind: "no-matrix",
    });
  });
});

describe("the cost-at-risk task", () => {
  afterEach(() => {
    delete (globalThis as { Worker?: unknown }).Worker;
    standIn = null;
    jest.resetModules();
  });

  async function prepared() {
    const { prepareRisk } = await import("../../src/actions");
    const book = await starterBook();
    const prep = await prepareRisk(book);
    return { ...prep, settings: { ...prep.settings, trials: 300 } };
  }

  it("in the worker gives the simulation computeRisk gives, with progress and no workbook", async () => {
    const { computeRisk } = await import("../../src/actions");
    const input = await prepared();
    const expected = await computeRisk(input);
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const { runTask, taskRunner } = await import("../../src/taskpane/worker/host");
    expect(taskRunner()).toBe("worker");
    const progress: number[] = [];
    const result = await runTask<typeof expected>(
      "risk",
      { prepared: input, blockTrials: 100 },
      { onProgress: (done) => progress.push(done) }
    );
    expect(standIn).not.toBeNull();
    expect(result.result.scenarios.map((s) => s.totalPayout)).toEqual(
      expected.result.scenarios.map((s) => s.totalPayout)
    );
    expect(progress.length).toBeGreaterThan(1);
  });

  it("on the main thread stops when cancelled", async () => {
    const { runTask } = await import("../../src/taskpane/worker/host");
    const controller = new AbortController();
    controller.abort();
    await expect(
      runTask(
        "risk",
        { prepared: await prepared(), blockTrials: 50 },
        { signal: controller.signal }
      )
    ).rejects.toMatchObject({ kind: "cancelled" });
  });
});
