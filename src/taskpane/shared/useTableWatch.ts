/**
 * Follows changes to workbook tables while `enabled`, where the workbook access can watch
 * them (Excel can; a plain browser cannot). Subscribes again when `version` changes (new
 * tables appeared) and stops watching on unmount.
 */
import { useEffect, useRef } from "react";
import type { WorkbookAccess } from "../workbookAccess";

export function useTableWatch(
  access: WorkbookAccess | null,
  tables: readonly string[],
  enabled: boolean,
  onChange: () => void,
  version = 0
): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);

  const tableKey = tables.join("\u0000");
  useEffect(() => {
    if (!enabled || !access?.watchTables) return undefined;
    return access.watchTables(tableKey.split("\u0000"), () => latest.current());
  }, [access, enabled, tableKey, version]);
}
