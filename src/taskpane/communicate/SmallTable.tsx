/**
 * A small two- or three-column table with a caption and column headers: a curve's points or the
 * earnings table. Numbers are right-aligned in tabular figures; every number is the engine's.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export interface SmallTableProps {
  caption: string;
  headers: readonly string[];
  /** Formatted cells; the first cell of each row is the row's header. */
  rows: readonly (readonly string[])[];
}

const cell = {
  padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
  textAlign: "end" as const,
  whiteSpace: "nowrap" as const,
};

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  caption: {
    textAlign: "start",
    paddingBlockEnd: tokens.spacingVerticalXXS,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  colHeader: {
    ...cell,
    // Headers say what a column measures ("% of target incentive"): they wrap, the figures do not.
    whiteSpace: "normal",
    verticalAlign: "bottom",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  rowHeader: { ...cell, fontWeight: tokens.fontWeightRegular },
  cell,
  row: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
});

export function SmallTable({ caption, headers, rows }: SmallTableProps) {
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col" className={styles.colHeader}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r} className={styles.row}>
            {row.map((value, c) =>
              c === 0 ? (
                <th key={c} scope="row" className={styles.rowHeader}>
                  {value}
                </th>
              ) : (
                <td key={c} className={styles.cell}>
                  {value}
                </td>
              )
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
