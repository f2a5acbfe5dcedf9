/**
 * Follows an in-memory workbook for the preview: its sheets in tab order, which CompAlign owns,
 * a version that changes with every change (the grid re-reads the live sheet then), and the
 * changes of the last burst. Changes that arrive together (an action adding five sheets
 * without yielding) are reported as one burst, once the burst is over.
 */
import { useEffect, useRef, useState } from "react";
import type { MemoryWorkbook, WorkbookChange } from "../../workbook/memory";

export interface BookSheets {
  /** Sheet names in tab order; null until first read. */
  names: string[] | null;
  /** Lower-case names of the sheets CompAlign owns. */
  owned: ReadonlySet<string>;
  /** Changes with every change of the workbook. */
  version: number;
  /** The changes of the last burst, in order, with a sequence number. */
  burst: { seq: number; changes: WorkbookChange[] } | null;
}

async function readSheets(book: MemoryWorkbook) {
  const [names, owned] = await Promise.all([book.sheetNames(), book.ownedSheets()]);
  return { names, owned: new Set(owned.map((n) => n.toLowerCase())) };
}

export function useBookSheets(book: MemoryWorkbook): BookSheets {
  const [state, setState] = useState<BookSheets>({
    names: null,
    owned: new Set(),
    version: 0,
    burst: null,
  });
  const pending = useRef<WorkbookChange[]>([]);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seq = 0;
    const refresh = async (changes: WorkbookChange[]) => {
      const { names, owned } = await readSheets(book);
      if (!live) return;
      setState((s) => ({
        names,
        owned,
        version: s.version + 1,
        burst: changes.length > 0 ? { seq: ++seq, changes } : s.burst,
      }));
    };
    void refresh([]);
    const stop = book.onChange((change) => {
      pending.current.push(change);
      if (timer !== undefined) return;
      // A macrotask: everything an action does without yielding lands in one burst.
      timer = setTimeout(() => {
        timer = undefined;
        const changes = pending.current;
        pending.current = [];
        void refresh(changes);
      }, 0);
    });
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
      stop();
    };
  }, [book]);

  return state;
}

/**
 * The sheet a burst should bring into view: the last report CompAlign wrote (a scenario run ends
 * on Scenario Comparison), else the first sheet added (set up starts at Objectives), else the
 * last one edited.
 */
export function sheetToShow(changes: readonly WorkbookChange[]): string | null {
  const written = [...changes].reverse().find((c) => c.kind === "write");
  if (written) return written.sheets[written.sheets.length - 1] ?? null;
  const created = changes.find((c) => c.kind === "create");
  if (created) return created.sheets[0] ?? null;
  const edited = [...changes].reverse().find((c) => c.kind === "edit" || c.kind === "rename");
  if (!edited) return null;
  return edited.kind === "rename" ? (edited.sheets[1] ?? null) : (edited.sheets[0] ?? null);
}

/** One sentence for screen readers saying what a burst changed. */
export function describeBurst(changes: readonly WorkbookChange[]): string {
  const by = (kind: WorkbookChange["kind"]) => [
    ...new Set(changes.filter((c) => c.kind === kind).flatMap((c) => c.sheets)),
  ];
  const parts: string[] = [];
  const created = by("create");
  const written = by("write");
  const edited = by("edit");
  const deleted = [...by("delete"), ...by("remove")];
  if (created.length) parts.push(`added ${created.join(", ")}`);
  if (written.length) parts.push(`wrote ${written.join(", ")}`);
  if (edited.length) parts.push(`edited ${edited.join(", ")}`);
  if (deleted.length) parts.push(`removed ${deleted.join(", ")}`);
  if (parts.length === 0) return "";
  const text = parts.join("; ");
  return `Workbook ${text}.`;
}
