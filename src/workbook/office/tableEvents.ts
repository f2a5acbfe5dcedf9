/// <reference types="office-js" />
/**
 * Re-check on edit: `onTablesChanged` calls a handler, debounced, when any of the named tables
 * changes (Table.onChanged, ExcelApi 1.7). Tables that do not exist are skipped. One Excel.run to
 * register (one sync to find the tables, one to register the handlers); the returned function
 * removes the handlers in the context they were registered in, as Office.js requires.
 */

/** Stops watching; `watched` lists the tables that existed and are watched. */
export type Unsubscribe = (() => Promise<void>) & { watched: string[] };

/**
 * @param tableNames tables to watch, e.g. ["Matrix", "Objectives", "Curves"]
 * @param handler called with the names of the tables that changed since the last call, once
 *   edits have paused for `debounceMs` (typing in a table fires one event per cell edit). Errors
 *   the handler throws or rejects with are the caller's to handle.
 * @returns a function that stops watching (its `watched` lists the tables found)
 */
export async function onTablesChanged(
  tableNames: string[],
  handler: (changedTables: string[]) => void | Promise<void>,
  debounceMs = 400
): Promise<Unsubscribe> {
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const flush = () => {
    timer = undefined;
    if (stopped || changed.size === 0) return;
    const names = [...changed];
    changed.clear();
    void handler(names);
  };

  const registered = await Excel.run(async (context) => {
    const tables = tableNames.map((name) => {
      const table = context.workbook.tables.getItemOrNullObject(name);
      table.load("name");
      return table;
    });
    await context.sync();
    const existing = tables.filter((table) => !table.isNullObject);
    const results = existing.map((table) => {
      const name = table.name; // as the workbook spells it
      return table.onChanged.add(async () => {
        changed.add(name);
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      });
    });
    await context.sync();
    return { watched: existing.map((table) => table.name), results };
  });

  const stop = async (): Promise<void> => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    changed.clear();
    const results = registered.results.splice(0);
    if (results.length === 0) return;
    await Excel.run(results[0].context, async (context) => {
      for (const result of results) result.remove();
      await context.sync();
    });
  };

  return Object.assign(stop, { watched: registered.watched });
}
