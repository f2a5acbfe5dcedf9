/** Today's date in the local time zone as yyyy-mm-dd: the period label when Pulse Settings has no Period. */
export function localToday(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
