/**
 * The task pane's Web Worker: runs the tasks of tasks.ts off the UI thread, so Excel and the
 * pane (its Cancel button) stay responsive during a long computation. Protocol: protocol.ts.
 */
import { WorkbookError, type WorkbookPort } from "../../workbook/port";
import {
  serializeError,
  ROWS_PER_MESSAGE,
  splitTab,
  SPLIT_OUTPUT_KEYS,
  throttledProgress,
  toCloneable,
  type FromWorker,
  type ReadMethod,
  type ToWorker,
} from "./protocol";
import { runTaskHere } from "./tasks";

interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: "message", listener: (event: MessageEvent<ToWorker>) => void): void;
}

const scope = self as unknown as WorkerScope;
const running = new Map<number, AbortController>();
const calls = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
let nextCall = 1;
/** Rows of a readSheets reply that came ahead of it, by call, then by sheet index. */
const rowsAhead = new Map<number, Map<number, unknown[][]>>();

/** The port a task sees: reads go to the pane; anything else is refused. */
function readOnlyBook(id: number): WorkbookPort {
  const read =
    (method: ReadMethod) =>
    (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const call = nextCall++;
        calls.set(call, { resolve, reject });
        scope.postMessage({ type: "read", id, call, method, args });
      });
  return new Proxy({} as WorkbookPort, {
    get(_, method: string) {
      if (method === "readSheets" || method === "sheetNames" || method === "ownedSheets")
        return read(method);
      if (method === "then") return undefined;
      return () => Promise.reject(new Error(`a worker task cannot call ${method}: it only reads`));
    },
  });
}

/** A macrotask: lets a cancel message (and the pane's reads' replies) in between chunks of work. */
function yieldControl(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

scope.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === "cancel") {
    running.get(message.id)?.abort();
    return;
  }
  if (message.type === "rows") {
    const bySheet = rowsAhead.get(message.call) ?? new Map<number, unknown[][]>();
    rowsAhead.set(message.call, bySheet);
    const list = bySheet.get(message.sheet) ?? [];
    for (const row of message.rows) list.push(row);
    bySheet.set(message.sheet, list);
    return;
  }
  if (message.type === "reply") {
    const pending = calls.get(message.call);
    calls.delete(message.call);
    const ahead = rowsAhead.get(message.call);
    rowsAhead.delete(message.call);
    if (ahead && Array.isArray(message.result)) {
      for (const [sheet, rows] of ahead) {
        const data = message.result[sheet] as { values: unknown[][] } | null;
        if (data) data.values = rows;
      }
    }
    if (!pending) return;
    if (message.error) {
      const error =
        message.error.name === "WorkbookError" && message.error.kind
          ? new WorkbookError(message.error.kind as never, message.error.message)
          : Object.assign(new Error(message.error.message), { name: message.error.name });
      pending.reject(error);
    } else pending.resolve(message.result);
    return;
  }
  const { id, kind, input } = message;
  const controller = new AbortController();
  running.set(id, controller);
  runTaskHere(kind, input, {
    book: readOnlyBook(id),
    signal: controller.signal,
    progress: throttledProgress((done, total, label) =>
      scope.postMessage({ type: "progress", id, done, total, label })
    ),
    yieldControl,
  })
    .then(
      (output) => {
        const cloneable = toCloneable(output);
        if (cloneable === null || typeof cloneable !== "object" || Array.isArray(cloneable))
          return scope.postMessage({ type: "result", id, output: cloneable });
        const rest = { ...(cloneable as Record<string, unknown>) };
        for (const key of SPLIT_OUTPUT_KEYS) {
          const list = rest[key];
          if (!Array.isArray(list)) continue;
          delete rest[key];
          list.forEach((value, index) => {
            // A tab's big blocks cross in row chunks first (protocol.ts, splitTab).
            const tab = value as { blocks?: unknown } | null;
            if (!tab || !Array.isArray(tab.blocks))
              return scope.postMessage({ type: "part", id, key, index, value });
            const { head, chunks } = splitTab(
              value as Parameters<typeof splitTab>[0],
              ROWS_PER_MESSAGE
            );
            for (const chunk of chunks)
              scope.postMessage({ type: "part-rows", id, key, index, ...chunk });
            scope.postMessage({ type: "part", id, key, index, value: head });
          });
        }
        scope.postMessage({ type: "result", id, output: rest });
      },
      (error) => scope.postMessage({ type: "error", id, error: serializeError(error) })
    )
    .finally(() => running.delete(id));
});
