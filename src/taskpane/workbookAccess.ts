/**
 * How the task pane reaches a workbook: one seam, injected at the root, so views never know
 * whether they run on Excel (the Office adapter), an in-memory workbook (tests, a playground)
 * or nothing at all (a plain browser, where `useWorkbook()` is null).
 *
 * Views hand an action (src/actions) to `run`; the access decides how it reaches a
 * WorkbookPort (in Excel: one Excel.run per action). `watchTables`, where the host can, calls
 * back when the named tables change, and returns the function that stops watching.
 *
 * This is the only file of the task pane that touches the Office adapter, and it loads it
 * lazily (a separate chunk, never imported by tests).
 */
import { createContext, createElement, useContext, type ReactNode } from "react";
import { insertFormula } from "../actions";
import type { WorkbookPort } from "../workbook/port";
import { FiguresContext, useFiguresFor } from "./shared/figures";

export interface WorkbookAccess {
  run<T>(action: (book: WorkbookPort) => Promise<T>): Promise<T>;
  watchTables?(tables: string[], onChange: () => void): () => void;
  /**
   * True when the port `run` hands out can append rows to a user's sheet
   * (`WorkbookPort.appendRows`, which every CompAlign adapter has). The Scenarios tab offers its
   * add-a-change form only then.
   */
  canAppendRows?: boolean;
  /**
   * Writes a formula into the cell the user selected (actions/insertFormula.ts) and resolves with
   * its address; only where the host has a selection (Excel).
   */
  insertFormulaInSelectedCell?(formula: string): Promise<string>;
}

const WorkbookContext = createContext<WorkbookAccess | null>(null);

export interface WorkbookProviderProps {
  /** The workbook the pane works on; null where there is none (outside Excel). */
  access: WorkbookAccess | null;
  children?: ReactNode;
}

export function WorkbookProvider({ access, children }: WorkbookProviderProps) {
  // The workbook's Currency and Locale (its Settings sheet) come with it.
  const [wrapped, figures] = useFiguresFor(access);
  return createElement(
    WorkbookContext.Provider,
    { value: wrapped },
    createElement(FiguresContext.Provider, { value: figures }, children)
  );
}

/** The workbook the pane works on, or null when there is none (outside Excel). */
export function useWorkbook(): WorkbookAccess | null {
  return useContext(WorkbookContext);
}

/** Quiet time after the last edit before a watched table counts as changed. */
export const TABLE_CHANGE_DEBOUNCE_MS = 600;

const loadOfficeAdapter = () =>
  import(/* webpackChunkName: "office-adapter" */ "../workbook/office");

/** "2026-12-06" for a date, in the local time zone. */
export function localRunDate(now: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** The workbook open in Excel, through the Office.js adapter (loaded on first use). */
export function officeWorkbookAccess(): WorkbookAccess {
  return {
    // The run date report tabs print in their page header: today, in the user's time zone.
    run: async (action) =>
      (await loadOfficeAdapter()).runInExcel(action, { runDate: localRunDate(new Date()) }),
    // The Office adapter appends rows (table.rows.add, ExcelApi 1.1).
    canAppendRows: true,
    insertFormulaInSelectedCell: async (formula) => {
      const office = await loadOfficeAdapter();
      return (await office.runOnSelectedCell((cell) => insertFormula(cell, formula))).address;
    },
    watchTables(tables, onChange) {
      let stopped = false;
      let stop: (() => unknown) | undefined;
      const stopQuietly = (unsubscribe: () => unknown) => {
        Promise.resolve()
          .then(unsubscribe)
          .catch(() => undefined);
      };
      loadOfficeAdapter()
        .then(async ({ onTablesChanged }) => {
          const unsubscribe = await onTablesChanged(tables, onChange, TABLE_CHANGE_DEBOUNCE_MS);
          if (stopped) stopQuietly(unsubscribe);
          else stop = unsubscribe;
        })
        .catch((error: unknown) => {
          // Watching is a convenience: "Check alignment" still works without it.
          console.warn("CompAlign: cannot follow changes to the tables", tables, error);
        });
      return () => {
        stopped = true;
        if (stop) stopQuietly(stop);
      };
    },
  };
}
