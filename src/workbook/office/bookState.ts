/// <reference types="office-js" />
/**
 * What the adapter must know about a workbook before it writes: the sheets in tab order, the
 * tables and charts on each (to clear an owned sheet in place without another round trip), the
 * workbook-level defined names (table names share their namespace), and which sheets CompAlign
 * owns (the `CompAlign_Owned_<n>` marks, read with ../ownershipMarks.ts like every adapter).
 *
 * Its loads are queued next to other work (readSheets, sheetNames and ownedSheets queue them with
 * their own), so it costs no round trip of its own once an action has read anything.
 */
import { type DefinedName, markedSheet, isOwnershipMark } from "../ownershipMarks";

export interface SheetInfo {
  name: string;
  position: number;
  /** Excel's visibility is "Visible" (not Hidden or VeryHidden). */
  visible: boolean;
  /** Names of the tables on this sheet. */
  tables: string[];
  /** How many charts the sheet has (they are deleted by index, last first). */
  chartCount: number;
}

export interface BookState {
  /** In tab order. */
  sheets: SheetInfo[];
  /** Workbook-level defined names as Excel gives them (formula "='Alignment View'!$A$1"). */
  names: DefinedName[];
  /** Lower-case sheet name → the ownership marks pointing at it. */
  owned: Map<string, string[]>;
}

export function findSheet(state: BookState, name: string): SheetInfo | undefined {
  const lower = name.toLowerCase();
  return state.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
}

export function isOwned(state: BookState, name: string): boolean {
  return state.owned.has(name.toLowerCase());
}

/** Owned sheets by their marks: only marks that point at a sheet of this workbook count (#REF! does not). */
export function ownedByMarks(
  names: readonly DefinedName[],
  sheets: readonly SheetInfo[]
): Map<string, string[]> {
  const existing = new Set(sheets.map((sheet) => sheet.name.toLowerCase()));
  const owned = new Map<string, string[]>();
  for (const name of names) {
    if (!isOwnershipMark(name.name)) continue;
    const key = markedSheet(name)?.toLowerCase();
    if (key === undefined || !existing.has(key)) continue;
    owned.set(key, [...(owned.get(key) ?? []), name.name]);
  }
  return owned;
}

/**
 * Queues the loads of the state on `context` and returns the function that reads them after the
 * next `context.sync()`. Only names, positions and the names' formulas: no cell data.
 */
export function queueStateLoad(context: Excel.RequestContext): () => BookState {
  const worksheets = context.workbook.worksheets;
  worksheets.load(
    "items/name,items/position,items/visibility,items/tables/items/name,items/charts/items/name"
  );
  const namedItems = context.workbook.names;
  namedItems.load("items/name,items/formula");

  return () => {
    const sheets: SheetInfo[] = worksheets.items
      .map((sheet) => ({
        name: sheet.name,
        position: sheet.position,
        visible: sheet.visibility === "Visible",
        tables: sheet.tables.items.map((table) => table.name),
        chartCount: sheet.charts.items.length,
      }))
      .sort((a, b) => a.position - b.position);
    const names: DefinedName[] = namedItems.items.map((item) => ({
      name: item.name,
      ref: String(item.formula),
    }));
    return { sheets, names, owned: ownedByMarks(names, sheets) };
  };
}
