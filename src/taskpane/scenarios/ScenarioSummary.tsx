/**
 * The Scenarios tab's answer first: each scenario's headline delta against Baseline (Δ total
 * payout), Baseline's total payout and what the figures assume. Shown at the top of the tab once
 * a run has finished, so the answer is above the fold at pane width (the run's details — the
 * one-scenario-at-a-time comparison, ScenarioCompare — follow further down).
 */
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ACTUALS_ASSUMPTION, type ScenarioResult } from "../../engine/scenarioRunner";
import { useFigures } from "../shared/figures";
import { card } from "../shared/styles";

export interface ScenarioSummaryProps {
  /** Baseline first, then the scenarios run. */
  scenarios: readonly ScenarioResult[];
}

const useStyles = makeStyles({
  card,
  title: { margin: 0 },
  deltas: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  delta: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    fontVariantNumeric: "tabular-nums",
  },
  deltaName: { minWidth: 0, overflowWrap: "anywhere" },
  deltaValue: { whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export function ScenarioSummary({ scenarios }: ScenarioSummaryProps) {
  const styles = useStyles();
  const fig = useFigures();
  const [baseline, ...others] = scenarios;
  if (!baseline) return null;
  return (
    <section className={styles.card} aria-label="Scenario summary" data-summary="scenarios">
      <Subtitle2 as="h3" className={styles.title}>
        Total payout vs Baseline
      </Subtitle2>
      {others.length === 0 ? (
        <Body1 as="p">Only Baseline ran: pick scenarios to compare with it.</Body1>
      ) : (
        <ul className={styles.deltas}>
          {others.map((s) => (
            <li key={s.name} className={styles.delta}>
              <span className={styles.deltaName}>{s.name}</span>
              <span className={styles.deltaValue}>
                {fig.signedMoney(s.figures.deltaVsBaseline)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Body1 as="p">Baseline total payout: {fig.money(baseline.figures.totalPayout)}</Body1>
      <Body1 as="p" className={styles.note}>
        {ACTUALS_ASSUMPTION}
      </Body1>
    </section>
  );
}
