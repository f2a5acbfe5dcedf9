/** The in-memory workbook: the port's fake for tests and the browser playground. */
export { MemoryWorkbook } from "./memoryWorkbook";
export type { ChangeListener, Selection, SheetSnapshot, WorkbookChange } from "./memoryWorkbook";
export { CellStore } from "../cellStore";
export type { CellState, CellStyle, Extent } from "../cellStore";
export type { SheetModel } from "../sheetModel";
export type { DefinedName } from "../ownershipMarks";
