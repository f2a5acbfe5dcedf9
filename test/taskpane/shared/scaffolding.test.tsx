/** @jest-environment jsdom */
/**
 * The pane's shared scaffolding: one error describer for every tab (paneErrorDescriber), the
 * quiet re-read (useQuietRefresh: queued, coalesced, results kept) and going to a cell
 * (useGoToCell: its error described, never thrown).
 */
import "@testing-library/jest-dom";
import "../../setup/dom";
import { act, renderHook } from "@testing-library/react";
import { ActionError, PlanHasErrorsError } from "../../../src/actions";
import { WorkbookError } from "../../../src/workbook/port";
import {
  paneErrorDescriber,
  type PaneMessage,
} from "../../../src/taskpane/shared/describePaneError";
import { INTERNAL, RETRY, workbookAdvice } from "../../../src/taskpane/shared/workbookErrorAdvice";
import {
  useGoToCell,
  useQuietRefresh,
  useTaskRunner,
  type RefreshStates,
} from "../../../src/taskpane/shared/useTaskRunner";
import type { WorkbookAccess } from "../../../src/taskpane/workbookAccess";

type Task = "read" | "write";
interface TabError extends PaneMessage<Task> {
  suggestsSetup: boolean;
}

const describe_ = paneErrorDescriber<Task, TabError>({
  failed: { read: "Could not read", write: "Could not write" },
  advice: workbookAdvice({ exists: "Rename yours.", "invalid-name": "Shorten it." }),
  plain: { suggestsSetup: false },
  known: {
    "no-matrix": {
      intent: "warning",
      title: "No Matrix sheet",
      message: "There is no plan.",
      next: "Set up workbook.",
      suggestsSetup: true,
    },
    "plan-has-errors": (error) =>
      error instanceof PlanHasErrorsError
        ? {
            intent: "error",
            title: `${error.findings.length} errors`,
            message: error.findings.map((f) => f.cell).join(", "),
            next: null,
            suggestsSetup: false,
          }
        : null,
  },
  other: (error, task) =>
    error instanceof RangeError
      ? {
          task,
          intent: "error",
          title: "Out of range",
          message: error.message,
          next: null,
          suggestsSetup: false,
        }
      : null,
});

/** A plain failure of the write task, as the describer words it. */
const writeFailed = (message: string, next: string): TabError => ({
  task: "write",
  intent: "error",
  title: "Could not write",
  message,
  next,
  suggestsSetup: false,
});

describe("paneErrorDescriber", () => {
  it("says what the tab says for an ActionError kind it knows, with the task", () => {
    expect(describe_(new ActionError("no-matrix", "no Matrix"), "read")).toEqual({
      task: "read",
      intent: "warning",
      title: "No Matrix sheet",
      message: "There is no plan.",
      next: "Set up workbook.",
      suggestsSetup: true,
    });
  });

  it("words a kind from the error itself, and falls through where the function returns null", () => {
    const finding = {
      rule: "weights-sum",
      severity: "error" as const,
      message: "90%",
      plan: "AE",
      metric: null,
      objective: null,
    };
    const planErrors = new PlanHasErrorsError([
      { ...finding, cell: "Matrix!D2" },
      { ...finding, cell: "Matrix!D5" },
    ]);
    expect(describe_(planErrors, "write")).toMatchObject({
      task: "write",
      title: "2 errors",
      message: "Matrix!D2, Matrix!D5",
    });
    // Same kind, not the class the function knows: the general rule (its text, retry).
    expect(describe_(new ActionError("plan-has-errors", "Fix it."), "write")).toEqual(
      writeFailed("Fix it.", RETRY)
    );
  });

  it("gives a workbook error the tab's next step for its kind, titled by the task", () => {
    expect(describe_(new WorkbookError("exists", "Sheet X exists."), "write")).toEqual(
      writeFailed("Sheet X exists.", "Rename yours.")
    );
    expect(describe_(new WorkbookError("unreadable", "Busy."), "read").next).toBe(
      "Finish editing the cell you are in (press Enter or Esc), then try again."
    );
  });

  it("lets the tab recognise other errors, and never says nothing about the rest", () => {
    expect(describe_(new RangeError("too far"), "read").title).toBe("Out of range");
    expect(describe_(new Error(""), "read")).toMatchObject({ message: "Error", next: RETRY });
    expect(describe_(undefined, "read").message).toBe("Unknown error");
    expect(describe_("plain text", "read").message).toBe("plain text");
  });
});

describe("paneErrorDescriber on what no retry fixes, and on faults in CompAlign", () => {
  it("nothing computable is a warning naming what to change in the workbook", () => {
    const noReps = new ActionError(
      "not-computable",
      "No rep could be computed: the Reps sheet has no rows below its header."
    );
    expect(describe_(noReps, "read")).toMatchObject({
      intent: "warning",
      title: "Could not read",
      message: noReps.message,
      next: expect.stringMatching(/^Add your reps to the Reps sheet/),
    });
    const issues = new ActionError(
      "not-computable",
      "No rep could be computed: every rep has a data issue: Reps!E2: blank."
    );
    expect(describe_(issues, "read").next).toMatch(/^Fix what is named above in the workbook/);
    expect(describe_(issues, "read").next).not.toMatch(/Try again/);
  });

  it("never shows JavaScript's own error text; the console keeps it", () => {
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const bug = new TypeError("Cannot read properties of undefined (reading 'rows')");
      const said = describe_(bug, "write");
      expect(said).toEqual(writeFailed(INTERNAL, RETRY));
      expect(JSON.stringify(said)).not.toMatch(/undefined|reading|TypeError/);
      expect(log).toHaveBeenCalledWith("CompAlign:", bug);
      // As the scenario worker passes one on: a plain Error carrying the name.
      const fromWorker = Object.assign(new Error("x is not a function"), { name: "TypeError" });
      expect(describe_(fromWorker, "write").message).toBe(INTERNAL);
      expect(describe_(new Error("Maximum call stack size exceeded"), "read").message).toBe(
        INTERNAL
      );
      // An error CompAlign words itself keeps its text.
      expect(describe_(new Error("Reps!E4 is not a number"), "read").message).toBe(
        "Reps!E4 is not a number"
      );
    } finally {
      log.mockRestore();
    }
  });
});

interface S {
  refreshing: boolean;
  reads: number;
  error: string | null;
  log: string[];
}
const INITIAL: S = { refreshing: false, reads: 0, error: null, log: [] };
const TASK = {
  start: (s: S) => s,
  fail: (s: S, error: unknown) => ({ ...s, error: String(error) }),
  end: (s: S) => s,
};
const REFRESH: RefreshStates<S> = {
  mark: (s, refreshing) => ({ ...s, refreshing, log: [...s.log, `refreshing=${refreshing}`] }),
  fail: (s, error) => ({ ...s, error: `refresh: ${(error as Error).message}` }),
};

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("useQuietRefresh", () => {
  it("waits for the task in flight, marks the state while it reads, and coalesces requests", async () => {
    const gate = deferred();
    let reads = 0;
    const { result } = renderHook(() => {
      const runner = useTaskRunner(INITIAL, TASK);
      const refresh = useQuietRefresh(runner, REFRESH, async () => {
        reads += 1;
        runner.update((s) => ({ ...s, reads: s.reads + 1 }));
      });
      return { runner, refresh };
    });
    let task!: Promise<void>;
    act(() => {
      task = result.current.runner.perform("write", () => gate.promise);
    });
    act(() => {
      result.current.refresh();
      result.current.refresh();
      result.current.refresh();
    });
    expect(reads).toBe(0);
    await act(async () => {
      gate.resolve();
      await task;
    });
    expect(reads).toBe(1);
    expect(result.current.runner.state).toMatchObject({
      reads: 1,
      refreshing: false,
      log: ["refreshing=true", "refreshing=false"],
    });

    // Once that one has started, asking again queues one more.
    await act(async () => {
      result.current.refresh();
      await Promise.resolve();
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(reads).toBe(2);
  });

  it("describes a failed re-read and clears the mark", async () => {
    const { result } = renderHook(() => {
      const runner = useTaskRunner(INITIAL, TASK);
      const refresh = useQuietRefresh(runner, REFRESH, () =>
        Promise.reject(new Error("Matrix is being edited"))
      );
      return { runner, refresh };
    });
    await act(async () => {
      result.current.refresh();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(result.current.runner.state).toMatchObject({
      refreshing: false,
      error: "refresh: Matrix is being edited",
    });
  });
});

describe("useGoToCell", () => {
  it("selects the cell, and describes an error instead of throwing it", async () => {
    const selected: string[] = [];
    const access = {
      run: async <T,>(action: (book: never) => Promise<T>) =>
        action({
          select: async (cell: string) => {
            if (cell.startsWith("Gone")) throw new WorkbookError("invalid-name", "No sheet Gone.");
            selected.push(cell);
          },
        } as never),
    } as unknown as WorkbookAccess;
    const failed = (s: S, error: unknown) => ({ ...s, error: (error as Error).message });
    const { result } = renderHook(() => {
      const runner = useTaskRunner(INITIAL, TASK);
      return { runner, goTo: useGoToCell(access, runner.update, failed) };
    });
    await act(() => result.current.goTo("Matrix!C4"));
    expect(selected).toEqual(["Matrix!C4"]);
    expect(result.current.runner.state.error).toBeNull();
    await act(() => result.current.goTo("Gone!A1"));
    expect(result.current.runner.state.error).toBe("No sheet Gone.");
  });
});

describe("useTaskRunner's cancel", () => {
  it("aborts the running task's signal, only for the task named, and not once it ended", async () => {
    const gate = deferred();
    let seen: AbortSignal | null = null;
    const { result } = renderHook(() => useTaskRunner(INITIAL, TASK));
    let task!: Promise<void>;
    act(() => {
      task = result.current.perform("write", async (signal) => {
        seen = signal;
        await gate.promise;
      });
    });
    await act(async () => {
      await Promise.resolve();
    });
    expect(result.current.cancel("read")).toBe(false);
    expect(seen!.aborted).toBe(false);
    expect(result.current.cancel("write")).toBe(true);
    expect(seen!.aborted).toBe(true);
    await act(async () => {
      gate.resolve();
      await task;
    });
    expect(result.current.cancel()).toBe(false);
  });

  it("aborts the running task when the tab unmounts", async () => {
    let seen: AbortSignal | null = null;
    const { result, unmount } = renderHook(() => useTaskRunner(INITIAL, TASK));
    act(() => {
      void result.current.perform("write", (signal) => {
        seen = signal;
        return new Promise<void>(() => undefined);
      });
    });
    await act(async () => {
      await Promise.resolve();
    });
    expect(seen!.aborted).toBe(false);
    unmount();
    expect(seen!.aborted).toBe(true);
  });
});
