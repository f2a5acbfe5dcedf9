/**
 * One sheet of the in-memory workbook as a read-only grid: an HTML table with column letters and
 * row numbers as headers, each cell shown under its number format, title / header / note
 * styles and table header rows as Excel would show them, and the selected cell outlined. Every
 * row is there to scroll to, but only the rows in view (and a margin) are rendered: a 20,000-row
 * report tab renders as fast as a small one, so writing it does not block the pane. Native charts
 * are listed by title (they are in the downloaded .xlsx).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters, parseRange, type RangePosition } from "../../workbook/a1";
import type { SheetModel } from "../../workbook/sheetModel";
import { cellText } from "./cellText";
import { visuallyHidden } from "../shared/visuallyHidden";

/** Columns the preview shows at most (the download has everything); rows: all, rendered in view. */
export const MAX_PREVIEW_COLS = 40;
/** Rows rendered beyond the visible ones, above and below. */
export const OVERSCAN_ROWS = 20;
/** A row's height before one is measured (px), and the view's height where there is no layout. */
const ESTIMATED_ROW_PX = 21;
const FALLBACK_VIEW_PX = 600;

/** The rows to render for a scroll position: those in view plus OVERSCAN_ROWS each side. */
export function rowWindow(
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
  rows: number
): { first: number; last: number } {
  const inView = Math.ceil((viewHeight > 0 ? viewHeight : FALLBACK_VIEW_PX) / rowHeight) + 1;
  // In steps of OVERSCAN_ROWS, so scrolling a little renders nothing new.
  const top = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const step = Math.floor(top / OVERSCAN_ROWS) * OVERSCAN_ROWS;
  const first = Math.max(0, step - OVERSCAN_ROWS);
  const last = Math.min(rows, step + inView + 2 * OVERSCAN_ROWS);
  return { first: Math.min(first, Math.max(0, last - 1)), last };
}

export interface SheetGridProps {
  sheet: Readonly<SheetModel>;
  /** Changes when the sheet's cells may have changed (the sheet object is edited in place). */
  version?: number;
  owned: boolean;
  /** A range to outline (what the pane last selected on this sheet), e.g. "E2". */
  selected?: string | null;
  /** Id of the element naming the grid (the sheet's tab). */
  labelledBy?: string;
}

/** A thin solid border in `color`. */
const thin = (color: string) => `${tokens.strokeWidthThin} solid ${color}`;

/** The column letters and row numbers: sticky, in the header colours. */
const heading = {
  position: "sticky",
  backgroundColor: tokens.colorNeutralBackground3,
  color: tokens.colorNeutralForeground2,
  fontWeight: tokens.fontWeightRegular,
  padding: `2px ${tokens.spacingHorizontalS}`,
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  scroll: {
    overflow: "auto",
    maxHeight: "calc(100vh - 240px)",
    minHeight: "240px",
    border: thin(tokens.colorNeutralStroke1),
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
  caption: visuallyHidden,
  colHeader: {
    ...heading,
    top: 0,
    zIndex: 1,
    textAlign: "center",
    borderRight: thin(tokens.colorNeutralStroke2),
    borderBottom: thin(tokens.colorNeutralStroke1),
  },
  corner: { left: 0, zIndex: 2 },
  rowHeader: {
    ...heading,
    left: 0,
    textAlign: "end",
    borderRight: thin(tokens.colorNeutralStroke1),
    borderBottom: thin(tokens.colorNeutralStroke2),
  },
  cell: {
    padding: `2px ${tokens.spacingHorizontalS}`,
    whiteSpace: "nowrap",
    maxWidth: "32ch",
    overflow: "hidden",
    textOverflow: "ellipsis",
    borderRight: thin(tokens.colorNeutralStroke3),
    borderBottom: thin(tokens.colorNeutralStroke3),
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
  spacer: { padding: 0, border: "none" },
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

export function SheetGrid({ sheet, version, owned, selected, labelledBy }: SheetGridProps) {
  const styles = useStyles();
  // version: the sheet's cells were changed in place.
  const extent = useMemo(() => sheet.cells.extent(false), [sheet, version]);
  const rows = extent.rows;
  const cols = Math.min(extent.cols, MAX_PREVIEW_COLS);
  const headerRows = sheet.tables
    .map((t) => parseRange(t.range))
    .filter(Boolean) as RangePosition[];
  const selection = selected ? parseRange(selected.replace(/\$/g, "")) : undefined;
  const colIndexes = Array.from({ length: cols }, (_, c) => c);
  const what = owned ? "a report CompAlign wrote" : "your sheet";

  // Which rows are rendered: those in view of the scrolling region, plus a margin.
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const rowHeight = useRef(ESTIMATED_ROW_PX);
  const [view, setView] = useState({ scrollTop: 0, height: 0 });
  const { first, last } = rowWindow(view.scrollTop, view.height, rowHeight.current, rows);
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const next = rowWindow(el.scrollTop, el.clientHeight, rowHeight.current, rows);
    setView((v) => {
      const now = rowWindow(v.scrollTop, v.height, rowHeight.current, rows);
      return now.first === next.first && now.last === next.last
        ? v
        : { scrollTop: el.scrollTop, height: el.clientHeight };
    });
  }, [rows]);
  // Measure the rendered rows' height (jsdom has none: the estimate stays); only when other
  // rows were rendered (measuring forces a layout).
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const rendered = body?.querySelectorAll("tr[data-row]");
    if (!body || !rendered || rendered.length === 0) return;
    const height =
      (rendered[rendered.length - 1] as HTMLElement).offsetTop +
      (rendered[rendered.length - 1] as HTMLElement).offsetHeight -
      (rendered[0] as HTMLElement).offsetTop;
    if (height > 0) rowHeight.current = height / rendered.length;
    const el = scrollRef.current;
    if (el && el.clientHeight !== view.height) setView((v) => ({ ...v, height: el.clientHeight }));
  }, [sheet, version, first, last, view.height]);

  // Go to: bring the selected cell into view, in the grid and on the page; once per selection
  // (scrolling afterwards is the user's).
  const pending = useRef<string | null>(null);
  useEffect(() => {
    pending.current = selected ?? null;
  }, [selected, sheet]);
  useEffect(() => {
    if (!pending.current || !selection) return;
    const row = selection.start.row;
    const el = scrollRef.current;
    if (row < rows && (row < first || row >= last)) {
      const scrollTop = Math.max(0, row * rowHeight.current - (el?.clientHeight ?? 0) / 2);
      if (el) el.scrollTop = scrollTop;
      setView((v) => (v.scrollTop === scrollTop ? v : { ...v, scrollTop }));
      return;
    }
    pending.current = null;
    const cell = el?.querySelector<HTMLElement>("[data-selected]");
    cell?.scrollIntoView?.({ block: "center", inline: "center" });
  }, [selected, sheet, first, last, rows, selection]);

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
          onScroll={onScroll}
        >
          <table className={styles.table} aria-rowcount={rows + 1} aria-colcount={cols + 1}>
            <caption className={styles.caption}>
              {`${sheet.name}, ${what}: ${rows} ${rows === 1 ? "row" : "rows"} (rows ${first + 1} to ${last} rendered; scroll for the others)`}
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
              <tr aria-rowindex={1}>
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
            <tbody ref={bodyRef}>
              {first > 0 && (
                <tr aria-hidden="true" style={{ height: `${first * rowHeight.current}px` }}>
                  <td className={styles.spacer} colSpan={cols + 1} />
                </tr>
              )}
              {Array.from({ length: last - first }, (_, i) => first + i).map((r) => (
                <tr key={r} data-row={r + 1} aria-rowindex={r + 2}>
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
              {last < rows && (
                <tr aria-hidden="true" style={{ height: `${(rows - last) * rowHeight.current}px` }}>
                  <td className={styles.spacer} colSpan={cols + 1} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {cols < extent.cols && (
        <Caption1 as="p" className={styles.note2}>
          {`Showing ${cols} of ${extent.cols} columns; Download .xlsx has them all.`}
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
