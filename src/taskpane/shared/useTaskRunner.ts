/**
 * The machinery every tab's hook shares: its state, updated only while mounted; one queue, so
 * workbook calls never overlap (each runs after every one already queued); and `perform`, for a
 * task the user started: one at a time (a second one asked for meanwhile is ignored), marked
 * busy while it runs, earlier messages replaced, and an error it throws handed to the tab's
 * describer; `cancel` aborts the signal the running task was given. Beside it, `useQuietRefresh` (re-read the workbook after a table change, results
 * kept on screen) and `useGoToCell` (select a cell, its error described), which every tab that
 * needs them shares.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookAccess } from "../workbookAccess";

export type StateUpdate<S> = (change: (s: S) => S) => void;

/** How a tab's state changes around a task the user started. Keep it stable (module level). */
export interface TaskStates<S, T> {
  /** When the task starts: busy set, earlier messages cleared. */
  start(s: S, task: T): S;
  /** When the task threw: the error described for the pane. */
  fail(s: S, error: unknown, task: T): S;
  /** When the task ended either way: busy cleared. */
  end(s: S): S;
}

/**
 * The usual TaskStates: `busy` holds the running task, `cleared` (the earlier messages) is reset
 * when it starts, and a failure shows `describe(error, task)` as the state's `error`.
 */
export function userTaskStates<S extends { busy: T | null; error: unknown }, T>(
  cleared: Partial<S>,
  describe: (error: unknown, task: T) => S["error"]
): TaskStates<S, T> {
  return {
    start: (s, task) => ({ ...s, ...cleared, busy: task }),
    fail: (s, error, task) => ({ ...s, error: describe(error, task) }),
    end: (s) => ({ ...s, busy: null }),
  };
}

export interface TaskRunner<S, T> {
  state: S;
  update: StateUpdate<S>;
  /** Runs `op` after every run already queued; `op` handles its own errors. */
  enqueue(op: () => Promise<void>): Promise<void>;
  /**
   * A task the user started; ignored while another one runs. `work` gets the task's abort
   * signal: aborted by `cancel()`, or when the tab unmounts.
   */
  perform(task: T, work: (signal: AbortSignal) => Promise<void>): Promise<void>;
  /** Aborts the signal of the running task (only if it is `task`, when given); false if none. */
  cancel(task?: T): boolean;
}

export function useTaskRunner<S, T>(initial: S, states: TaskStates<S, T>): TaskRunner<S, T> {
  const [state, setState] = useState<S>(initial);
  const mounted = useRef(true);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const busy = useRef(false);
  const running = useRef<{ task: T; controller: AbortController } | null>(null);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      running.current?.controller.abort();
    };
  }, []);

  const update = useCallback((change: (s: S) => S) => {
    if (mounted.current) setState(change);
  }, []);

  const enqueue = useCallback((op: () => Promise<void>): Promise<void> => {
    const run = queue.current.then(op);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const perform = useCallback(
    (task: T, work: (signal: AbortSignal) => Promise<void>): Promise<void> => {
      if (busy.current) return Promise.resolve();
      busy.current = true;
      const controller = new AbortController();
      const current = { task, controller };
      running.current = current;
      update((s) => states.start(s, task));
      return enqueue(async () => {
        try {
          await work(controller.signal);
        } catch (error) {
          update((s) => states.fail(s, error, task));
        } finally {
          busy.current = false;
          if (running.current === current) running.current = null;
          update(states.end);
        }
      });
    },
    [enqueue, states, update]
  );

  const cancel = useCallback((task?: T) => {
    const current = running.current;
    if (!current || (task !== undefined && current.task !== task)) return false;
    current.controller.abort();
    return true;
  }, []);

  return { state, update, enqueue, perform, cancel };
}

/** How a tab's state shows a quiet re-read. Keep it stable (module level). */
export interface RefreshStates<S> {
  /** Set (true) while the re-read runs and cleared (false) after: the results stay meanwhile. */
  mark(s: S, on: boolean): S;
  /** When the re-read threw: the error described for the pane. */
  fail(s: S, error: unknown): S;
}

/** The usual RefreshStates: `flag` true while the re-read runs; a failure shown as `error`. */
export function quietReadStates<S extends { error: unknown }>(
  flag: { [K in keyof S]: S[K] extends boolean ? K : never }[keyof S],
  describe: (error: unknown) => S["error"]
): RefreshStates<S> {
  return {
    mark: (s, on) => ({ ...s, [flag]: on }),
    fail: (s, error) => ({ ...s, error: describe(error) }),
  };
}

/**
 * A quiet re-read after the workbook's tables changed: queued after any run in flight, and
 * asking again before it starts does not add a second one. `read` (stable: useCallback) reads
 * and shows.
 */
export function useQuietRefresh<S>(
  { enqueue, update }: Pick<TaskRunner<S, unknown>, "enqueue" | "update">,
  states: RefreshStates<S>,
  read: () => Promise<void>
): () => void {
  const waiting = useRef(false);
  return useCallback(() => {
    if (waiting.current) return;
    waiting.current = true;
    void enqueue(async () => {
      waiting.current = false;
      update((s) => states.mark(s, true));
      try {
        await read();
      } catch (error) {
        update((s) => states.fail(s, error));
      } finally {
        update((s) => states.mark(s, false));
      }
    });
  }, [enqueue, read, states, update]);
}

/** Selects a cell in the workbook ("Matrix!C4"); an error is described by `fail` (stable). */
export function useGoToCell<S>(
  access: WorkbookAccess,
  update: StateUpdate<S>,
  fail: (s: S, error: unknown) => S
): (cell: string) => Promise<void> {
  return useCallback(
    async (cell: string) => {
      try {
        await access.run((book) => book.select(cell));
      } catch (error) {
        update((s) => fail(s, error));
      }
    },
    [access, fail, update]
  );
}
