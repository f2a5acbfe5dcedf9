/**
 * The playground entry, loaded on demand by the task pane when Office reports no host: an
 * in-memory workbook (the demo sample, or empty with `?empty=1`), the test hook on
 * `window.__compalign`, and the shell around the task pane.
 */
import { createElement, type ReactElement } from "react";
import { createPlaygroundBook, installPlaygroundHook } from "./playgroundWorkbook";
import { PlaygroundShell } from "./PlaygroundShell";

export { PlaygroundShell } from "./PlaygroundShell";
export {
  createPlaygroundBook,
  installPlaygroundHook,
  memoryWorkbookAccess,
} from "./playgroundWorkbook";

/** `?empty=1` (or `?empty`) starts the playground without the sample. */
export function wantsEmpty(search: string): boolean {
  const value = new URLSearchParams(search).get("empty");
  return value !== null && value !== "0" && value !== "false";
}

/** The playground's element for this page address, with its workbook ready. */
export async function createPlayground(search = window.location.search): Promise<ReactElement> {
  const empty = wantsEmpty(search);
  const book = await createPlaygroundBook({ empty });
  installPlaygroundHook(book);
  return createElement(PlaygroundShell, { book, empty });
}
