/**
 * Workbook-level defined names in an exceljs workbook, ownership marks among them. exceljs keeps
 * names as cell sets per sheet name and writes each as `<definedName name="…">ref</definedName>`:
 * it has no way to write the `hidden` attribute (the package writer, ./packagePatch.ts, writes the
 * marks itself, hidden); only a workbook re-serialised by exceljs has them visible in Excel's
 * Name Manager (harmless: they only point at A1 of CompAlign's sheets). It quotes a sheet name
 * in the reference unless the name is letters and digits only.
 */
import type { Workbook } from "exceljs";
import {
  markedSheet,
  markRef,
  isOwnershipMark,
  nextMarkName,
  type DefinedName,
} from "../ownershipMarks";

/** Every workbook-level defined name (a name over several ranges gives them comma-separated). */
export function readNames(workbook: Workbook): DefinedName[] {
  return workbook.definedNames.model
    .filter((n) => n.ranges.length > 0)
    .map((n) => ({ name: n.name, ref: n.ranges.join(",") }));
}

/** Marks `sheetName` as owned under a new `CompAlign_Owned_<n>`. */
export function addMark(workbook: Workbook, sheetName: string): void {
  workbook.definedNames.add(markRef(sheetName), nextMarkName(readNames(workbook)));
}

/** Removes the marks that point at `sheetName`. */
export function removeMarks(workbook: Workbook, sheetName: string): void {
  const lower = sheetName.toLowerCase();
  for (const mark of readNames(workbook)) {
    if (isOwnershipMark(mark.name) && markedSheet(mark)?.toLowerCase() === lower) {
      workbook.definedNames.remove(mark.ref, mark.name);
    }
  }
}

/** Removes marks whose sheet is not in the workbook (deleted in Excel: `#REF!`, or gone). */
export function removeDeadMarks(workbook: Workbook): void {
  const sheets = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  for (const mark of readNames(workbook)) {
    if (!isOwnershipMark(mark.name)) continue;
    const sheet = markedSheet(mark);
    if (sheet === null || !sheets.has(sheet.toLowerCase()))
      workbook.definedNames.remove(mark.ref, mark.name);
  }
}
