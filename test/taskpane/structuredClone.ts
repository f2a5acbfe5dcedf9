/**
 * jest-environment-jsdom does not expose Node's structuredClone, which the memory workbook
 * uses to copy specs. Stand in with a v8 serialize/deserialize round trip (the same structured
 * clone algorithm) for jsdom tests that run it. Import before the memory workbook is used.
 */
import { deserialize, serialize } from "v8";

if (typeof globalThis.structuredClone !== "function") {
  globalThis.structuredClone = (<T>(value: T): T =>
    deserialize(serialize(value))) as typeof structuredClone;
}

export {};
