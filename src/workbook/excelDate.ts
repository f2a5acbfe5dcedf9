/**
 * Excel date serials. exceljs turns a number formatted as a date into a JavaScript Date read as
 * UTC; formulas need the serial the file stored (days since 1899-12-30, or since 1904-01-01 in
 * workbooks that use the 1904 date system).
 */
const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900-system day 0 (1899-12-30) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between the 1900 and 1904 date systems. */
const DATE_1904_OFFSET = 1_462;

export function dateToSerial(date: Date, date1904 = false): number {
  return UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY - (date1904 ? DATE_1904_OFFSET : 0);
}

export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(
    Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE_1904_OFFSET : 0)) * MS_PER_DAY)
  );
}
