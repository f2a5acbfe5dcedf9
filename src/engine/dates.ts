/**
 * Excel date serials (1900 date system). Serial 1 is 1900-01-01; Excel keeps Lotus's
 * fictitious 1900-02-29 as serial 60, so from serial 61 (1900-03-01) on a serial counts days
 * since 1899-12-30. Only whole days matter here: a time of day is dropped.
 */
const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last date Excel accepts. */
export const MAX_SERIAL = 2_958_465;

export function serialToDate(serial: number): Date {
  const day = Math.floor(serial);
  return new Date(EPOCH + (day < 61 ? day + 1 : day) * MS_PER_DAY);
}

export function dateToSerial(date: Date): number {
  const utc = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const days = Math.round((utc - EPOCH) / MS_PER_DAY);
  return days < 61 ? days - 1 : days;
}

export function serialOfYmd(year: number, month: number, day: number): number {
  return dateToSerial(new Date(Date.UTC(year, month, day)));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}
