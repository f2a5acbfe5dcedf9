/**
 * A problem found in the workbook's input, as every model reader reports it: what is wrong, and
 * separately the cell it is at, so the pane can select the cell and the CLI can print it without
 * reading an address back out of the text.
 */
export interface Problem {
  /** A sentence saying what is wrong and what CompAlign does about it (it may mention a row or
   *  a second cell; the cell to go to is `cell`, never parsed out of this text). */
  message: string;
  /** The sheet-qualified cell to look at ("Scenarios!C5", "'Pulse Settings'!B4"), or null
   *  when no one cell holds the problem (a missing sheet, two settings that contradict each other). */
  cell: string | null;
}

/** The problem as one line of text: "'Pulse Settings'!B4: message", or the message alone. */
export const problemLine = (problem: Problem): string =>
  problem.cell ? `${problem.cell}: ${problem.message}` : problem.message;
