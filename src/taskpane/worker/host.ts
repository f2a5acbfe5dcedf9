/**
 * Runs a worker task (tasks.ts) for the task pane: in a Web Worker where the host has one, so a
 * long computation does not block Excel or the pane; on the main thread, yielding between chunks
 * of work, where it does not (jsdom tests, or a host that refuses to start the worker).
 *
 *   runTask("scenarios", { only }, { book, signal, onProgress })
 *
 * The task reads the workbook through `book` (the pane's port, e.g. the Office adapter inside
 * Excel.run): each read the worker asks for is run here and its result posted back. Cancelling
 * (`signal`) aborts the task in the worker and rejects with an ActionError("cancelled").
 */
import { ActionError } from "../../actions";
import { WorkbookError, type WorkbookPort } from "../../workbook/port";
import {
  joinTab,
  rowChunks,
  ROWS_PER_MESSAGE,
  serializeError,
  type BlockRowField,
  type FromWorker,
  type SerializedError,
  type ToWorker,
} from "./protocol";
import { runTaskHere } from "./tasks";

export interface RunTaskOptions {
  /** The workbook the task reads through; a task that reads nothing (cost at risk) has none. */
  book?: WorkbookPort;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
  /** On the main thread: how the task yields between chunks (a macrotask by default). */
  yieldControl?: () => Promise<void>;
}

/** Where tasks run: "worker", or "main-thread" (no Worker, or it failed to start). */
export type TaskRunner = "worker" | "main-thread";

/** The worker in use, started on first need and kept for later tasks. */
let shared: Promise<Worker | null> | null = null;
let nextId = 1;
/** For tests and measurements: force the main thread (true) or allow the worker (false). */
let forceMainThread = false;

export function setTasksOnMainThread(value: boolean): void {
  forceMainThread = value;
}

const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function workerAvailable(): boolean {
  return !forceMainThread && typeof Worker !== "undefined" && typeof URL !== "undefined";
}

function startWorker(): Promise<Worker | null> {
  if (!shared) {
    shared = import(/* webpackChunkName: "worker-host" */ "./createWorker").then(
      ({ createWorker }) => createWorker(),
      (error: unknown) => {
        console.warn("CompAlign: the worker could not start; computing on the main thread", error);
        return null;
      }
    );
  }
  return shared;
}

/** The label of a worker-only progress step: a laid-out tab arrived in the pane ("Received <tab>"). */
export const RECEIVED = "Received";
/** The worker-only step once the sheets it asked for have crossed to it. */
export const SHEETS_SENT = "Read the workbook; checking the plan and the reps…";

/**
 * Steps only the worker path reports (the main thread has nothing to send or receive): the rest
 * of the progress is the same on both paths.
 */
export const isWorkerOnlyStep = (label: string): boolean =>
  label === SHEETS_SENT || label.startsWith(`${RECEIVED} `);

/**
 * Starts the worker ahead of the first task (a tab that will run one calls it when it opens): its
 * script is fetched and compiled while the user reads the tab, not in the silence after they
 * select Run. Nothing happens where tasks run on the main thread.
 */
export function warmUpWorker(): void {
  if (workerAvailable()) void startWorker();
}

function restoreError(error: SerializedError): Error {
  if (error.name === "ActionError" && error.kind)
    return new ActionError(error.kind as never, error.message);
  if (error.name === "WorkbookError" && error.kind)
    return new WorkbookError(error.kind as never, error.message);
  return Object.assign(new Error(error.message), { name: error.name });
}

/** The workbook of a task that reads none: any read is a programming error, said plainly. */
function noWorkbook(kind: string): WorkbookPort {
  return new Proxy({} as WorkbookPort, {
    get: () => () => Promise.reject(new Error(`the "${kind}" task has no workbook to read`)),
  });
}

const cancelled = () => new ActionError("cancelled", "Cancelled: the workbook was left as it was.");

/** Where the next task will run. */
export function taskRunner(): TaskRunner {
  return workerAvailable() ? "worker" : "main-thread";
}

export async function runTask<T>(
  kind: string,
  input: unknown,
  options: RunTaskOptions
): Promise<T> {
  const worker = workerAvailable() ? await startWorker() : null;
  if (!worker) return runOnMainThread<T>(kind, input, options);
  return runInWorker<T>(worker, kind, input, options);
}

function runOnMainThread<T>(kind: string, input: unknown, options: RunTaskOptions): Promise<T> {
  const signal = options.signal ?? new AbortController().signal;
  return runTaskHere(kind, input, {
    book: options.book ?? noWorkbook(kind),
    signal,
    progress: (done, total, label) => options.onProgress?.(done, total, label),
    yieldControl: options.yieldControl ?? yieldToHost,
  }) as Promise<T>;
}

function runInWorker<T>(
  worker: Worker,
  kind: string,
  input: unknown,
  options: RunTaskOptions
): Promise<T> {
  const id = nextId++;
  const { book, signal, onProgress } = options;
  /** Output arrays that crossed one element per message (protocol.ts, `part`). */
  const parts = new Map<string, unknown[]>();
  /** Row chunks of a part that came ahead of it, by "key index". */
  let last = { done: 0, total: 0 };
  const partRows = new Map<string, { block: number; field: BlockRowField; rows: unknown[][] }[]>();
  let closed = false;
  return new Promise<T>((resolve, reject) => {
    const post = (message: ToWorker) => worker.postMessage(message);
    /**
     * Answers a read. A readSheets result's big sheets cross in row chunks, one message per
     * chunk with a macrotask between them, then the reply with those sheets' rows left out.
     */
    const reply = async (call: number, method: string, result: unknown) => {
      if (method !== "readSheets" || !Array.isArray(result))
        return post({ type: "reply", id, call, result });
      const sheets = result as ({ values: unknown[][] } | null)[];
      const head = [];
      for (let sheet = 0; sheet < sheets.length; sheet++) {
        const data = sheets[sheet];
        if (!data || data.values.length <= ROWS_PER_MESSAGE) {
          head.push(data);
          continue;
        }
        for (const rows of rowChunks(data.values, ROWS_PER_MESSAGE)) {
          if (closed) return;
          post({ type: "rows", id, call, sheet, rows });
          await yieldToHost();
        }
        head.push({ ...data, values: [] });
      }
      if (closed) return;
      post({ type: "reply", id, call, result: head });
      onProgress?.(last.done, last.total, SHEETS_SENT);
    };
    const onAbort = () => {
      post({ type: "cancel", id });
      finish();
      reject(cancelled());
    };
    const finish = () => {
      closed = true;
      worker.removeEventListener("message", onMessage);
      worker.removeEventListener("error", onError);
      signal?.removeEventListener("abort", onAbort);
    };
    const onError = (event: ErrorEvent) => {
      finish();
      reject(new Error(`the worker failed: ${event.message || "unknown error"}`));
    };
    const onMessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.id !== id) return;
      switch (message.type) {
        case "progress":
          last = { done: message.done, total: message.total };
          onProgress?.(message.done, message.total, message.label);
          return;
        case "read": {
          if (!book) {
            const error = new Error(`the "${kind}" task has no workbook to read`);
            post({ type: "reply", id, call: message.call, error: serializeError(error) });
            return;
          }
          const method = book[message.method] as (...args: unknown[]) => Promise<unknown>;
          method
            .apply(book, message.args)
            .then((result) => reply(message.call, message.method, result))
            .catch((error: unknown) =>
              post({ type: "reply", id, call: message.call, error: serializeError(error) })
            );
          return;
        }
        case "part-rows": {
          const where = `${message.key} ${message.index}`;
          const list = partRows.get(where) ?? [];
          list.push({ block: message.block, field: message.field, rows: message.rows });
          partRows.set(where, list);
          return;
        }
        case "part": {
          const where = `${message.key} ${message.index}`;
          const chunks = partRows.get(where);
          partRows.delete(where);
          const list = parts.get(message.key) ?? [];
          list[message.index] = chunks
            ? joinTab(message.value as Parameters<typeof joinTab>[0], chunks)
            : message.value;
          parts.set(message.key, list);
          // A worker-only step (the main thread has nothing to receive): each tab that arrives is
          // said, so the crossing of a big run's tabs is not one silence.
          const name = (message.value as { name?: unknown } | null)?.name;
          if (typeof name === "string") onProgress?.(last.done, last.total, `${RECEIVED} ${name}`);
          return;
        }
        case "result":
          finish();
          resolve(
            (parts.size > 0
              ? { ...(message.output as object), ...Object.fromEntries(parts) }
              : message.output) as T
          );
          return;
        case "error":
          finish();
          reject(restoreError(message.error));
      }
    };
    if (signal?.aborted) return reject(cancelled());
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", onError);
    signal?.addEventListener("abort", onAbort);
    post({ type: "start", id, kind, input });
  });
}
