/**
 * The run's headline figures side by side, Baseline first: one row per figure, one column per
 * scenario, as a real table (row and column headers) inside a region that scrolls sideways in a
 * narrow pane and can be scrolled from the keyboard.
 */
import { makeStyles, tokens, useId } from "@fluentui/react-components";
import {
  ACTUALS_ASSUMPTION,
  type ScenarioFigures,
  type ScenarioResult,
} from "../../engine/scenarioRunner";
import { figures as defaultFigures, type Figures } from "../../engine/figures";
import { useFigures } from "../shared/figures";
import { formatCents } from "./format";

export interface ComparisonTableProps {
  scenarios: readonly ScenarioResult[];
}

export interface ComparisonRow {
  label: string;
  /** The figure as text, in the workbook's currency and locale (default: USD, en-US). */
  text: (f: ScenarioFigures, fig?: Figures) => string;
}

/** The figures shown, in order. */
export const COMPARISON_ROWS: readonly ComparisonRow[] = [
  { label: "Total payout", text: (f, fig = defaultFigures()) => fig.money(f.totalPayout) },
  {
    label: "Δ vs Baseline",
    text: (f, fig = defaultFigures()) => fig.signedMoney(f.deltaVsBaseline),
  },
  {
    label: "Payout to target",
    text: (f, fig = defaultFigures()) => fig.percent(f.payoutToTarget),
  },
  {
    label: "Reps at ≥ 100% weighted attainment",
    text: (f, fig = defaultFigures()) => fig.percent(f.shareAtOrAboveWeightedTarget),
  },
  {
    label: "Incentive cost of sales",
    text: (f, fig = defaultFigures()) => fig.percent(f.incentiveCostOfSales),
  },
  {
    label: "Incentive cost per gross-margin dollar",
    text: (f) => formatCents(f.incentiveCostPerGrossMarginDollar),
  },
  {
    label: "Median payout % of target (p50)",
    text: (f, fig = defaultFigures()) => fig.percent(f.payoutPctOfTarget?.p50),
  },
  {
    label: "p90 payout % of target",
    text: (f, fig = defaultFigures()) => fig.percent(f.payoutPctOfTarget?.p90),
  },
  {
    label: "Realized alignment index",
    text: (f, fig = defaultFigures()) => fig.index(f.realizedAlignmentIndex),
  },
];

const useStyles = makeStyles({
  scroll: {
    overflowX: "auto",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
  },
  caption: {
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  colHeader: {
    textAlign: "end",
    verticalAlign: "bottom",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: "6.5em",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  corner: { textAlign: "start" },
  rowHeader: {
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    minWidth: "8em",
  },
  cell: {
    textAlign: "end",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    whiteSpace: "nowrap",
  },
  row: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  assumption: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
});

export function ComparisonTable({ scenarios }: ComparisonTableProps) {
  const styles = useStyles();
  const fig = useFigures();
  const captionId = useId("comparison-");
  const noteId = useId("comparison-assumption-");
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      aria-describedby={noteId}
      tabIndex={0}
      className={styles.scroll}
    >
      <p id={noteId} className={styles.assumption}>
        {ACTUALS_ASSUMPTION}
      </p>
      <table className={styles.table}>
        <caption id={captionId} className={styles.caption}>
          Scenario comparison
        </caption>
        <thead>
          <tr>
            <th scope="col" className={`${styles.colHeader} ${styles.corner}`}>
              Figure
            </th>
            {scenarios.map((s) => (
              <th key={s.name} scope="col" className={styles.colHeader}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {COMPARISON_ROWS.map((row) => (
            <tr key={row.label} className={styles.row}>
              <th scope="row" className={styles.rowHeader}>
                {row.label}
              </th>
              {scenarios.map((s) => (
                <td key={s.name} className={styles.cell}>
                  {row.text(s.figures, fig)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
