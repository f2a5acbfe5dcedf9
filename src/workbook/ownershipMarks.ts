/**
 * Ownership marks: the workbook-level defined names `CompAlign_Owned_<n>` whose reference is an
 * owned sheet's `$A$1` (see port.ts). Every adapter reads and writes marks through these
 * functions, so they agree on what CompAlign owns. A mark whose sheet was deleted (`#REF!`) or
 * no longer exists is ignored.
 */
import { OWNED_NAME_PREFIX } from "./port";
import { parseSheetRef, sheetRef } from "./sheetRef";

/** A workbook-level defined name and its reference as Excel writes it. */
export interface DefinedName {
  name: string;
  ref: string;
}

const MARK = new RegExp(`^${OWNED_NAME_PREFIX}(\\d+)$`, "i");

export function isOwnershipMark(name: string): boolean {
  return MARK.test(name);
}

/** The reference a mark holds for a sheet: `'Alignment View'!$A$1`. */
export function markRef(sheetName: string): string {
  return sheetRef(sheetName, "$A$1");
}

/** The sheet a mark points at, or null when it points nowhere (#REF!, not a reference). */
export function markedSheet(mark: DefinedName): string | null {
  const parsed = parseSheetRef(mark.ref);
  if (!parsed || parsed.sheet === null || parsed.deleted) return null;
  return parsed.sheet;
}

/** A free mark name: one more than the highest `CompAlign_Owned_<n>` in use. */
export function nextMarkName(names: readonly DefinedName[]): string {
  let highest = 0;
  for (const { name } of names) {
    const match = MARK.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${OWNED_NAME_PREFIX}${highest + 1}`;
}

/** The sheets (of `sheetNames`, in that order) that some mark points at, matching names ignoring case. */
export function ownedSheetNames(
  names: readonly DefinedName[],
  sheetNames: readonly string[]
): string[] {
  const marked = new Set<string>();
  for (const name of names) {
    if (!isOwnershipMark(name.name)) continue;
    const sheet = markedSheet(name);
    if (sheet !== null) marked.add(sheet.toLowerCase());
  }
  return sheetNames.filter((sheet) => marked.has(sheet.toLowerCase()));
}

/** The marks pointing at a sheet (normally one). */
export function marksOf(names: readonly DefinedName[], sheetName: string): DefinedName[] {
  const lower = sheetName.toLowerCase();
  return names.filter((n) => isOwnershipMark(n.name) && markedSheet(n)?.toLowerCase() === lower);
}
