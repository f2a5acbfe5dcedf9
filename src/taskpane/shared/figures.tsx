/**
 * The workbook's figure formatter for the pane: the Settings sheet's Currency and Locale
 * (src/model/readWorkbookSettings.ts), so every view formats figures with the same `Figures`
 * (src/engine/figures.ts) the sheets' number formats follow. The settings are read inside the
 * first action a view runs on the workbook (no extra Excel.run, and nothing is read before a
 * view asks for the workbook); until then, and without a workbook, the defaults (USD, en-US)
 * apply. A Settings sheet that cannot be read keeps the defaults (the action reports errors).
 */
import { createContext, useContext, useMemo, useState } from "react";
import { DEFAULT_FIGURE_SETTINGS, figures, type Figures } from "../../engine/figures";
import { SETTINGS_SHEET, readWorkbookSettings } from "../../model/readWorkbookSettings";
import type { WorkbookPort } from "../../workbook/port";
import type { WorkbookAccess } from "../workbookAccess";
import { sameName } from "../../engine/nameKey";

export const FiguresContext = createContext<Figures>(figures(DEFAULT_FIGURE_SETTINGS));

/** The workbook's settings, read through the port (the Settings sheet, when there is one). */
export async function readFigureSettings(book: WorkbookPort) {
  const names = await book.sheetNames();
  const name = names.find((n) => sameName(n, SETTINGS_SHEET));
  const [data] = name ? await book.readSheets([name]) : [null];
  return readWorkbookSettings(data ?? null);
}

/**
 * The access views get (its first run also reads the workbook's figure settings) and the
 * figures to format with.
 */
export function useFiguresFor(access: WorkbookAccess | null): [WorkbookAccess | null, Figures] {
  const [value, setValue] = useState<Figures>(() => figures(DEFAULT_FIGURE_SETTINGS));
  const wrapped = useMemo(() => {
    if (!access) return null;
    let read = false;
    return {
      ...access,
      run: <T,>(action: (book: WorkbookPort) => Promise<T>) =>
        access.run(async (book) => {
          const result = await action(book);
          if (!read) {
            read = true;
            try {
              setValue(figures((await readFigureSettings(book)).figures));
            } catch {
              // Formatting falls back to the defaults; the action's own result stands.
            }
          }
          return result;
        }),
    } satisfies WorkbookAccess;
  }, [access]);
  return [wrapped, value];
}

/** How figures read in this workbook: percent, money, index, count. */
export const useFigures = (): Figures => useContext(FiguresContext);
