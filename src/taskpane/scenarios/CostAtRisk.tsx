/**
 * "Cost at risk" in the Scenarios tab: simulate every scenario's total payout over many plan
 * years (the Risk Settings sheet), with a progress bar and Cancel, then a summary card per
 * scenario (P50, P90, chance of exceeding the budget, "Not set" without one) and the Plan Cost at
 * Risk tab written. The simulation runs in blocks of trials between which the pane yields, so it
 * stays responsive; a host may route it to a Web Worker (`compute`).
 */
import {
  Body1,
  Button,
  makeStyles,
  tokens,
  typographyStyles,
  useId,
} from "@fluentui/react-components";
import { PlayRegular } from "@fluentui/react-icons";
import type { RiskScenarioResult } from "../../engine/costAtRisk";
import { chance } from "../../reports/riskSheet";
import { sheetRef } from "../../workbook/sheetRef";
import { ErrorNotice, Notice } from "../shared/Notice";
import { CancelButton, RunProgressBar } from "../shared/RunProgress";
import type { WorkbookAccess } from "../workbookAccess";
import { formatMoney } from "./format";
import { useCostAtRisk, type RiskCompute } from "./useCostAtRisk";

export interface CostAtRiskProps {
  access: WorkbookAccess;
  /** Another task of the tab runs: Run is disabled meanwhile. */
  disabled?: boolean;
  yieldControl?: () => Promise<void>;
  compute?: RiskCompute;
  /** Shows a written tab. */
  onSelect?: (cell: string) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  cards: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
  },
  card: {
    listStyleType: "none",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cardTitle: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  figures: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    fontVariantNumeric: "tabular-nums",
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, textAlign: "end" },
});

/** The overspend figure as the card shows it. */
export function overspendText(s: RiskScenarioResult): string {
  return s.probabilityOverBudget === null ? "Not set" : chance(s.probabilityOverBudget);
}

function ScenarioCard({ scenario }: { scenario: RiskScenarioResult }) {
  const styles = useStyles();
  const titleId = useId("risk-card-");
  return (
    <li className={styles.card} aria-labelledby={titleId}>
      <p id={titleId} className={styles.cardTitle}>
        {scenario.name}
      </p>
      <dl className={styles.figures}>
        <dt className={styles.term}>P50 total payout (typical year)</dt>
        <dd className={styles.value}>{formatMoney(scenario.totalPayout.p50)}</dd>
        <dt className={styles.term}>P90 total payout (9 years in 10 cost less)</dt>
        <dd className={styles.value}>{formatMoney(scenario.totalPayout.p90)}</dd>
        <dt className={styles.term}>Chance of exceeding the budget</dt>
        <dd className={styles.value}>{overspendText(scenario)}</dd>
      </dl>
    </li>
  );
}

export function CostAtRisk({ access, disabled, yieldControl, compute, onSelect }: CostAtRiskProps) {
  const styles = useStyles();
  const headingId = useId("cost-at-risk-");
  const { state, run, cancel } = useCostAtRisk(access, { yieldControl, compute });
  const { progress, result } = state;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        Cost at risk
      </h3>
      <Body1 as="p" className={styles.note}>
        What could each scenario cost in a typical year (P50) and a strong one (P90), and how likely
        is the budget to be exceeded? Simulates many plan years rep by rep; the Risk Settings sheet
        sets trials, volatility and the budget.
      </Body1>
      <div className={styles.buttons}>
        <Button
          appearance="secondary"
          icon={<PlayRegular />}
          disabledFocusable={disabled || state.running}
          onClick={() => void run()}
        >
          Run cost at risk
        </Button>
        {state.running && (
          <CancelButton cancelling={state.cancelling} disabled={state.writing} onCancel={cancel} />
        )}
      </div>
      {progress && <RunProgressBar label="Cost at risk progress" progress={progress} />}
      {state.error && <ErrorNotice error={state.error} />}
      {state.cancelledMessage && (
        <Notice intent="info" title="Cost at risk cancelled" message={state.cancelledMessage} />
      )}
      {result && (
        <>
          <ul
            className={styles.cards}
            aria-label="Cost at risk per scenario"
            aria-busy={state.running}
          >
            {result.computation.result.scenarios.map((s) => (
              <ScenarioCard key={s.name} scenario={s} />
            ))}
          </ul>
          <Body1 as="p" className={styles.note}>
            {result.computation.result.settings.trials.toLocaleString("en-US")} simulated years per
            scenario, seed {result.computation.result.settings.seed}
            {result.computation.warnings.length > 0
              ? `; ${result.computation.warnings.length} Risk Settings warning(s), listed on the tab`
              : ""}
            . Written to the {result.sheet.name} tab
            {result.sheet.action === "replaced" ? " (refreshed)" : ""}.
          </Body1>
          {onSelect && (
            <div>
              <Button
                appearance="subtle"
                onClick={() => onSelect(sheetRef(result.sheet.name, "A1"))}
              >
                Show {result.sheet.name}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
