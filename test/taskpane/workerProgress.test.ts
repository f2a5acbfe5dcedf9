/**
 * Progress within one scenario's computation (issue #12 item 7: the bar moves on a big roster):
 * computeScenario reports per block of reps, computeScenarioRun turns that into fractional steps,
 * and the worker forwards them throttled (a step's own report always crosses).
 */
import { setupWorkbook } from "../../src/actions";
import { computeScenarioRun } from "../../src/actions/runScenarios";
import { computeScenario } from "../../src/engine/scenarioRunner";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { throttledProgress } from "../../src/taskpane/worker/protocol";

async function starterBook() {
  const book = new MemoryWorkbook();
  await setupWorkbook(book);
  return book;
}

describe("progress inside a scenario", () => {
  it("computeScenario reports after each block and gives the same result as without", async () => {
    const run = await computeScenarioRun(await starterBook());
    const n = run.reps.count;
    expect(n).toBeGreaterThan(4);
    const blocks: string[] = [];
    const model = run.models[0];
    const withBlocks = computeScenario(run, model, null, {
      blockReps: 3,
      onBlock: (done, count) => blocks.push(`${done}/${count}`),
    });
    const expected = Array.from({ length: Math.ceil(n / 3) - 1 }, (_, k) => `${3 * (k + 1)}/${n}`);
    expect(blocks).toEqual(expected);
    const plain = computeScenario(run, model, null);
    expect(withBlocks.figures).toEqual(plain.figures);
    expect(withBlocks.reps.payout).toEqual(plain.reps.payout);
  });

  it("computeScenarioRun reports several fractional steps per scenario, in order", async () => {
    const reports: { done: number; total: number; label: string }[] = [];
    const run = await computeScenarioRun(await starterBook(), {
      blockReps: 3,
      onProgress: (done, total, label) => reports.push({ done, total, label }),
    });
    const total = run.models.length * 2 + 1;
    expect(reports.every((r) => r.total === total)).toBe(true);
    for (let k = 1; k < reports.length; k++)
      expect(reports[k].done).toBeGreaterThan(reports[k - 1].done);
    run.models.forEach((model, i) => {
      const inside = reports.filter((r) => r.label.startsWith(`Computing ${model.name}: `));
      expect(inside.length).toBeGreaterThan(1);
      for (const r of inside) {
        expect(r.done).toBeGreaterThan(i);
        expect(r.done).toBeLessThan(i + 1);
      }
      expect(inside[0].label).toBe(`Computing ${model.name}: 3 of ${run.reps.count} reps`);
    });
    expect(reports.at(-1)).toEqual({
      done: run.models.length,
      total,
      label: `Computed ${run.models.at(-1)!.name}`,
    });
  });

  it("the worker's throttle drops reports within a step closer than the interval, never a step's", () => {
    let clock = 0;
    const posted: string[] = [];
    const progress = throttledProgress(
      (d, t, l) => posted.push(`${d} ${l}`),
      100,
      () => clock
    );
    progress(0, 3, "read");
    progress(0.2, 3, "a"); // 0 ms after the last: dropped
    clock = 50;
    progress(0.4, 3, "b"); // 50 ms: dropped
    clock = 120;
    progress(0.6, 3, "c"); // 120 ms: crosses
    clock = 130;
    progress(1, 3, "step"); // a step: always crosses
    progress(1.5, 3, "d"); // dropped
    clock = 231;
    progress(1.7, 3, "e");
    expect(posted).toEqual(["0 read", "0.6 c", "1 step", "1.7 e"]);
  });
});
