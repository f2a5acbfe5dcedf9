/**
 * Blocks stacked top to bottom on a report tab: each `add` places a block at the next free row,
 * `gap` leaves empty rows. The tab's charts and tables are collected beside them.
 */
import { columnLetters } from "../workbook/a1";
import type { Block, ChartSpec, TableSpec } from "../workbook/port";

export class SheetLayout {
  blocks: Block[] = [];
  charts: ChartSpec[] = [];
  tables: TableSpec[] = [];
  row = 0;

  /** Adds a block at column `col` of the next free row; returns its first row (0-based). */
  add(block: Omit<Block, "at">, col = 0): number {
    const at = this.row;
    this.blocks.push({ ...block, at: `${columnLetters(col)}${at + 1}` });
    this.row += block.values.length;
    return at;
  }

  gap(rows = 1) {
    this.row += rows;
  }
}
