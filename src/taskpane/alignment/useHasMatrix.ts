/**
 * Whether the workbook has a Matrix sheet yet (null until known): an empty workbook's next step
 * is Set up workbook, not a check that would fail. One sheet-name read when the tab opens, and
 * again after setup added sheets.
 */
import { useEffect, useState } from "react";
import type { WorkbookAccess } from "../workbookAccess";
import { sameName } from "../../engine/nameKey";

export function useHasMatrix(access: WorkbookAccess, version: number): boolean | null {
  const [has, setHas] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    access
      .run(async (book) => (await book.sheetNames()).some((n) => sameName(n, "Matrix")))
      .then((found) => {
        if (live) setHas(found);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [access, version]);
  return has;
}
