/**
 * Timeouts sized for a busy 2-core machine (CI runs beside other work): no test may fail because
 * the machine is slow. jest's own per-test limit is set in jest.config.js; this raises Testing
 * Library's wait (findBy*, waitFor) from 1 s to 15 s in jsdom test files.
 */
import { configure } from "@testing-library/dom";

if (typeof window !== "undefined") {
  configure({ asyncUtilTimeout: 15_000 });
}
