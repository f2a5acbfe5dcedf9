/**
 * A Worker for tests whose other end is worker.ts, loaded with `self` pointing at this pair's
 * far side; messages cross structured-cloned, each in a macrotask, as between real threads.
 */
import type { FromWorker, ToWorker } from "../../src/taskpane/worker/protocol";

type Listener = (event: { data: unknown }) => void;

/** A Worker whose other end is worker.ts, loaded with `self` pointing at this pair's far side. */
export class StandInWorker {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly scopeListeners = new Set<Listener>();
  readonly sent: ToWorker[] = [];
  /** Types of the messages the worker posted, in order. */
  readonly received: string[] = [];

  constructor() {
    const scope = {
      postMessage: (message: FromWorker) => {
        this.received.push(message.type);
        setTimeout(() => this.emit("message", structuredClone(message)), 0);
      },
      addEventListener: (_: string, listener: Listener) => this.scopeListeners.add(listener),
    };
    const previous = (globalThis as { self?: unknown }).self;
    (globalThis as { self?: unknown }).self = scope;
    jest.isolateModules(() => {
      require("../../src/taskpane/worker/worker");
    });
    (globalThis as { self?: unknown }).self = previous;
  }

  postMessage(message: ToWorker): void {
    this.sent.push(message);
    const copy = structuredClone(message);
    setTimeout(() => this.scopeListeners.forEach((l) => l({ data: copy })), 0);
  }

  addEventListener(type: string, listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  private emit(type: string, data: unknown): void {
    this.listeners.get(type)?.forEach((l) => l({ data }));
  }
}
