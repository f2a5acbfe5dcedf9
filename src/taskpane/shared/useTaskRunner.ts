/**
 * The machinery every tab's hook shares: its state, updated only while mounted; one queue, so
 * workbook calls never overlap (each runs after every one already queued); and `perform`, for a
 * task the user started: one at a time (a second one asked for meanwhile is ignored), marked
 * busy while it runs, earlier messages replaced, and an error it throws handed to the tab's
 * describer.
 */
import { useCallback, useEffect, useRef, useState } from "react";

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

export interface TaskRunner<S, T> {
  state: S;
  update: StateUpdate<S>;
  /** Runs `op` after every run already queued; `op` handles its own errors. */
  enqueue(op: () => Promise<void>): Promise<void>;
  /** A task the user started; ignored while another one runs. */
  perform(task: T, work: () => Promise<void>): Promise<void>;
}

export function useTaskRunner<S, T>(initial: S, states: TaskStates<S, T>): TaskRunner<S, T> {
  const [state, setState] = useState<S>(initial);
  const mounted = useRef(true);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const busy = useRef(false);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
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
    (task: T, work: () => Promise<void>): Promise<void> => {
      if (busy.current) return Promise.resolve();
      busy.current = true;
      update((s) => states.start(s, task));
      return enqueue(async () => {
        try {
          await work();
        } catch (error) {
          update((s) => states.fail(s, error, task));
        } finally {
          busy.current = false;
          update(states.end);
        }
      });
    },
    [enqueue, states, update]
  );

  return { state, update, enqueue, perform };
}
