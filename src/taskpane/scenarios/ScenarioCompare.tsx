/**
 * The run's details at pane width (320–350 px; the summary card with each scenario's headline
 * delta is ScenarioSummary, at the top of the tab): one scenario at a time against
 * Baseline, picked in a drop-down, as a three-column table — every figure's label stays
 * visible next to its two values, column headers take at most two lines (the full name is in
 * the picker and the header's title), nothing scrolls sideways — and a link that opens the
 * Scenario Comparison sheet with every scenario side by side.
 */
import { useState } from "react";
import { Button, Field, Select, makeStyles, tokens, useId } from "@fluentui/react-components";
import { OpenRegular } from "@fluentui/react-icons";
import type { ScenarioResult } from "../../engine/scenarioRunner";
import { SCENARIO_COMPARISON } from "../../reports/scenarioSheets";
import { cellAddress } from "../../model/sheetRows";
import type { WriteResult } from "../../workbook/port";
import { useFigures } from "../shared/figures";
import { fitControl, fitField } from "../shared/styles";
import { COMPARISON_ROWS } from "./comparisonRows";

export interface ScenarioCompareProps {
  /** Baseline first, then the scenarios run. */
  scenarios: readonly ScenarioResult[];
  sheets: readonly WriteResult[];
  onSelect: (cell: string) => void;
}

const twoLines = {
  display: "-webkit-box",
  WebkitLineClamp: "2",
  WebkitBoxOrient: "vertical",
  overflow: "hidden",
  overflowWrap: "anywhere",
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBlock: "4px" },
  labelCol: { width: "44%" },
  colHeader: {
    textAlign: "end",
    verticalAlign: "bottom",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  corner: { textAlign: "start" },
  clamp: twoLines,
  rowHeader: {
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  cell: {
    textAlign: "end",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    whiteSpace: "nowrap",
  },
  row: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  open: { alignSelf: "flex-start", paddingInline: 0, minWidth: 0 },
  field: fitField,
  control: fitControl,
});

export function ScenarioCompare({ scenarios, sheets, onSelect }: ScenarioCompareProps) {
  const styles = useStyles();
  const fig = useFigures();
  const pickerId = useId("compare-with-");
  const captionId = useId("comparison-");
  const [baseline, ...others] = scenarios;
  const [picked, setPicked] = useState(others[0]?.name ?? "");
  const other = others.find((s) => s.name === picked) ?? others[0];
  const comparison = sheets.find((s) => s.name === SCENARIO_COMPARISON);
  if (!baseline) return null;
  const columns = other ? [baseline, other] : [baseline];

  return (
    <div className={styles.root}>
      {others.length > 1 && (
        <Field
          className={styles.field}
          label={{ children: "Compare with Baseline", htmlFor: pickerId }}
        >
          <Select
            id={pickerId}
            className={styles.control}
            select={{ className: styles.control }}
            value={other?.name}
            onChange={(_, d) => setPicked(d.value)}
          >
            {others.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      )}

      <table className={styles.table} aria-labelledby={captionId}>
        <caption id={captionId} className={styles.caption}>
          Scenario comparison
        </caption>
        <colgroup>
          <col className={styles.labelCol} />
          {columns.map((s) => (
            <col key={s.name} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={`${styles.colHeader} ${styles.corner}`}>
              Figure
            </th>
            {columns.map((s) => (
              <th key={s.name} scope="col" className={styles.colHeader} title={s.name}>
                <span className={styles.clamp}>{s.name}</span>
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
              {columns.map((s) => (
                <td key={s.name} className={styles.cell}>
                  {row.text(s.figures, fig)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      {comparison && (
        <Button
          appearance="transparent"
          className={styles.open}
          icon={<OpenRegular />}
          onClick={() => onSelect(cellAddress(comparison.name, 0, 0))}
        >
          Open Scenario Comparison
        </Button>
      )}
    </div>
  );
}
