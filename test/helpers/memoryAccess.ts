/** A task-pane WorkbookAccess over a port (usually a MemoryWorkbook), counting its runs. */
import type { WorkbookAccess } from "../../src/taskpane/workbookAccess";
import type { WorkbookPort } from "../../src/workbook/port";

export function memoryAccess(book: WorkbookPort): {
  access: WorkbookAccess;
  calls: { runs: number };
} {
  const calls = { runs: 0 };
  const access: WorkbookAccess = {
    run: (action) => {
      calls.runs++;
      return action(book);
    },
  };
  return { access, calls };
}
