/**
 * One sheet of the in-memory workbook as a read-only grid: an HTML table with column letters and
 * row numbers as headers, each cell shown under its number format, title / header / note
 * styles and table header rows as Excel would show them, and the selected cell outlined. Large
 * sheets show their first rows only; native charts are listed by title (they are in the
 * downloaded .xlsx).
 */
import { useEffect, useRef } from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters, parseRange, type RangePosition } from "../../workbook/a1";
import type { SheetModel } from "../../workbook/sheetModel";
import { cellText } from "./cellText";

/** Rows and columns the preview renders at most (the download has everything). */
export const MAX_PREVIEW_ROWS = 400;
export const MAX_PREVIEW_COLS = 40;

export interface SheetGridProps {
  sheet: Readonly<SheetModel>;
  owned: boolean;
  /** A range to outline (what the pane last selected on this sheet), e.g. "E2". */
  selected?: string | null;
  /** Id of the element naming the grid (the sheet's tab). */
  labelledBy?: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  scroll: {
    overflow: "auto",
    maxHeight: "calc(100vh - 240px)",
    minHeight: "240px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
  },
  caption: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  colHeader: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  corner: { left: 0, zIndex: 2 },
  rowHeader: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "end",
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    padding: `2px ${tokens.spacingHorizontalS}`,
    whiteSpace: "nowrap",
    maxWidth: "32ch",
    overflow: "hidden",
    textOverflow: "ellipsis",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    color: tokens.colorNeutralForeground1,
  },
  number: { textAlign: "end" },
  logical: { textAlign: "center" },
  formula: { fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  header: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground4,
  },
  note: { fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  tableHeader: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  note2: { color: tokens.colorNeutralForeground2, margin: 0 },
  empty: { margin: 0, padding: tokens.spacingVerticalM, color: tokens.colorNeutralForeground2 },
});

function inRange(range: RangePosition | undefined, row: number, col: number): boolean {
  return (
    range !== undefined &&
    row >= range.start.row &&
    row < range.start.row + range.rows &&
    col >= range.start.col &&
    col < range.start.col + range.cols
  );
}

export function SheetGrid({ sheet, owned, selected, labelledBy }: SheetGridProps) {
  const styles = useStyles();
  const extent = sheet.cells.extent(false);
  const rows = Math.min(extent.rows, MAX_PREVIEW_ROWS);
  const cols = Math.min(extent.cols, MAX_PREVIEW_COLS);
  const headerRows = sheet.tables
    .map((t) => parseRange(t.range))
    .filter(Boolean) as RangePosition[];
  const selection = selected ? parseRange(selected.replace(/\$/g, "")) : undefined;
  const colIndexes = Array.from({ length: cols }, (_, c) => c);
  const what = owned ? "a report CompAlign wrote" : "your sheet";

  // Go to: bring the selected cell into view, in the grid and on the page.
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected) return;
    const cell = scrollRef.current?.querySelector<HTMLElement>("[data-selected]");
    cell?.scrollIntoView?.({ block: "center", inline: "center" });
  }, [selected, sheet]);

  return (
    <div className={styles.root}>
      {extent.rows === 0 ? (
        <p className={styles.empty}>This sheet is empty.</p>
      ) : (
        <div
          ref={scrollRef}
          className={styles.scroll}
          role="region"
          aria-labelledby={labelledBy}
          tabIndex={0}
        >
          <table className={styles.table}>
            <caption className={styles.caption}>
              {`${sheet.name}, ${what}: rows 1 to ${rows}${rows < extent.rows ? ` of ${extent.rows}` : ""}`}
            </caption>
            <colgroup>
              <col />
              {colIndexes.map((c) => {
                const width = sheet.columnWidths[c];
                return (
                  <col
                    key={c}
                    style={width ? { minWidth: `${Math.min(width, 40)}ch` } : undefined}
                  />
                );
              })}
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className={mergeClasses(styles.colHeader, styles.corner)}>
                  <span className={styles.caption}>Row</span>
                </th>
                {colIndexes.map((c) => (
                  <th key={c} scope="col" className={styles.colHeader}>
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows }, (_, r) => (
                <tr key={r}>
                  <th scope="row" className={styles.rowHeader}>
                    {r + 1}
                  </th>
                  {colIndexes.map((c) => {
                    const cell = sheet.cells.get(r, c);
                    const shownFormula = cell.value === null && cell.formula !== null;
                    const text = shownFormula
                      ? (cell.formula ?? "")
                      : cellText(cell.value, cell.numberFormat);
                    const isTableHeader = headerRows.some(
                      (t) => t.start.row === r && c >= t.start.col && c < t.start.col + t.cols
                    );
                    const isSelected = inRange(selection, r, c);
                    const className = mergeClasses(
                      styles.cell,
                      typeof cell.value === "number" && styles.number,
                      typeof cell.value === "boolean" && styles.logical,
                      shownFormula && styles.formula,
                      cell.style === "title" && styles.title,
                      cell.style === "header" && styles.header,
                      cell.style === "note" && styles.note,
                      isTableHeader && styles.tableHeader,
                      isSelected && styles.selected
                    );
                    return (
                      <td
                        key={c}
                        className={className}
                        title={cell.formula ?? (text.length > 30 ? text : undefined)}
                        data-cell={`${columnLetters(c)}${r + 1}`}
                        data-selected={isSelected || undefined}
                      >
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(rows < extent.rows || cols < extent.cols) && (
        <Caption1 as="p" className={styles.note2}>
          {`Showing ${rows} of ${extent.rows} rows and ${cols} of ${extent.cols} columns; Download .xlsx has them all.`}
        </Caption1>
      )}
      {sheet.charts.length > 0 && (
        <Caption1 as="p" className={styles.note2}>
          {`Charts on this sheet (native Excel charts in Download .xlsx): ${sheet.charts
            .map((chart) => chart.title)
            .join("; ")}.`}
        </Caption1>
      )}
    </div>
  );
}
