/**
 * Reps as the scenario engine sees them: column arrays, one element per rep, so a scenario is a
 * few tight loops over typed arrays. Parsed from the Reps sheet by src/model/readReps.ts.
 */
export interface RepTable {
  count: number;
  names: string[];
  /** 1-based sheet row of each rep, for data-issue messages. */
  rows: number[];
  plans: string[];
  segments: string[];
  territories: string[];
  /** NaN where the cell is blank or not a number. */
  targetIncentive: Float64Array;
  /** null when the sheet has no such column; NaN where a cell is blank or not a number. */
  baseSalary: Float64Array | null;
  revenue: Float64Array | null;
  grossMargin: Float64Array | null;
  hasSegment: boolean;
  hasTerritory: boolean;
  /** `<Metric> Quota` / `<Metric> Actual` columns by metric name (lower-cased); NaN where unusable. */
  quota: Map<string, Float64Array>;
  actual: Map<string, Float64Array>;
  /**
   * What the cell under `header` holds for rep i, for messages: 'blank', 'text "n/a"', '-5',
   * 'the date 2025-01-01'. Never the cell's address: that is `cell`.
   */
  describe(i: number, header: string): string;
  /** The sheet-qualified address of rep i's cell under `header` ("Reps!F12"), or null when the
   *  sheet has no such column. */
  cell(i: number, header: string): string | null;
}
