/**
 * How a block's style looks in a file: a title is bold 14 pt, a header row bold on a light fill,
 * a note italic grey. `styleOf` recognises them again in a file read back.
 */
import type { Cell, Fill, Font } from "exceljs";
import type { CellStyle } from "../cellStore";

/** The same light blue and grey the Office adapter uses. */
const HEADER_FILL = "FFDDEBF7";
const NOTE_GREY = "FF595959";

const FONTS: Record<CellStyle, Partial<Font>> = {
  title: { bold: true, size: 14 },
  header: { bold: true },
  note: { italic: true, color: { argb: NOTE_GREY } },
};

export function applyStyle(cell: Cell, style: CellStyle): void {
  cell.font = { ...FONTS[style] };
  if (style === "header") {
    const fill: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.fill = fill;
  }
}

/** The block style a cell was written with, or null for plain. */
export function styleOf(cell: Cell): CellStyle | null {
  const font = cell.font ?? {};
  if (font.bold && font.size === 14) return "title";
  const fill = cell.fill as { pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (font.bold && fill?.pattern === "solid" && fill.fgColor?.argb === HEADER_FILL) return "header";
  if (font.italic && font.color?.argb === NOTE_GREY) return "note";
  return null;
}
