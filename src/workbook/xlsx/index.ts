/** The workbook port over .xlsx files (exceljs), for the CLI and downloads. */
export { XlsxWorkbook } from "./xlsxWorkbook";
export { styleOf } from "./cellStyles";
