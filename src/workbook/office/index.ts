/** The Office.js adapter of the workbook port (used inside Excel only). */
export { OfficeWorkbook, runInExcel, type OfficeWorkbookOptions } from "./officeWorkbook";
export { onTablesChanged, type Unsubscribe } from "./tableEvents";
export { columnWidthPoints } from "./addresses";
export { needsTextPrefix } from "./cellInput";
export { runOnSelectedCell } from "./selectedCell";
