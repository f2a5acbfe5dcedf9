/**
 * What CompAlign needs from its Office host, checked when the pane starts inside Office (the
 * manifest declares the same sets, so a compliant host never loads the add-in without them;
 * this check is for hosts that load it anyway, or a manifest edited by hand).
 *
 * Minimum versions are from Microsoft's requirement-set tables (docs/hosts.md): ExcelApi 1.8 is
 * the highest Excel set the Office adapter calls (docs/office-api-sets.md), SharedRuntime 1.1
 * runs the pane and the functions in one runtime, CustomFunctionsRuntime 1.3 has every
 * CustomFunctions.ErrorCode the functions return.
 */

export interface RequirementSet {
  name: string;
  version: string;
}

export const REQUIRED_SETS: readonly RequirementSet[] = [
  { name: "ExcelApi", version: "1.8" },
  { name: "SharedRuntime", version: "1.1" },
  { name: "CustomFunctionsRuntime", version: "1.3" },
];

/** The Excel builds that have every required set (the floor in docs/hosts.md). */
export const SUPPORTED_HOSTS =
  "Microsoft 365 on Windows (Version 2008 or later), Excel 2021 or later, Excel on the web, or Excel on Mac 16.40 or later";

/** What the pane knows about where it runs: Office.onReady's host and isSetSupported. */
export interface HostInfo {
  /** Office.onReady's host: "Excel", another Office application, or null outside Office. */
  host: string | null | undefined;
  isSetSupported(name: string, version: string): boolean;
}

export type HostVerdict =
  | { kind: "excel" }
  | { kind: "outside-office" }
  | { kind: "unsupported"; title: string; detail: string };

/** Whether the pane can work on this host; when not, a message naming what is missing. */
export function checkHost(info: HostInfo): HostVerdict {
  if (!info.host) return { kind: "outside-office" };
  if (info.host !== "Excel") {
    return {
      kind: "unsupported",
      title: `CompAlign runs only in Excel, not in ${info.host}.`,
      detail: `Open a workbook in ${SUPPORTED_HOSTS} and load the add-in there.`,
    };
  }
  const missing = REQUIRED_SETS.filter((set) => {
    try {
      return !info.isSetSupported(set.name, set.version);
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return { kind: "excel" };
  const names = missing.map((set) => `${set.name} ${set.version}`).join(", ");
  return {
    kind: "unsupported",
    title: `This version of Excel is too old for CompAlign: it needs ${names}.`,
    detail: `Those are in ${SUPPORTED_HOSTS}. Update Excel (File > Account > Update Options) or use Excel on the web.`,
  };
}
