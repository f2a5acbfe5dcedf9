/**
 * The task pane's worker, bundled by webpack from worker.ts (webpack's
 * `new Worker(new URL("./worker.ts", import.meta.url))` form, which gives the worker its own
 * chunk). host.ts imports this file only where Worker exists, never under jest (whose CommonJS
 * cannot run `import.meta`).
 */
export function createWorker(): Worker {
  // Inline, as webpack recognises it. The type check runs as CommonJS, which has no import.meta;
  // webpack builds this file as an ES module.
  // @ts-expect-error import.meta under CommonJS
  return new Worker(new URL("./worker.ts", import.meta.url), { name: "compalign-worker" });
}
