/**
 * Spreadsheet error values used throughout the engine. A CompError is a value, not an
 * exception: element-wise functions return one per bad element. Excel shows a message only on
 * #VALUE! and #N/A; the other codes carry one for the headless engine and for logs.
 */
export type ErrorCode = "#VALUE!" | "#DIV/0!" | "#NUM!" | "#N/A";

export class CompError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string = ""
  ) {}

  toString(): string {
    return this.message ? `${this.code} ${this.message}` : this.code;
  }
}

export const valueError = (message: string): CompError => new CompError("#VALUE!", message);
export const numError = (message: string): CompError => new CompError("#NUM!", message);
export const divError = (message: string): CompError => new CompError("#DIV/0!", message);
export const naError = (message: string): CompError => new CompError("#N/A", message);
