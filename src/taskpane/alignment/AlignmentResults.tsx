/**
 * The results of the latest check: the design alignment index, priority vs pay per objective,
 * and the findings. While a new check runs the old results stay, marked busy, with a small
 * "Updating…" indicator; the new ones replace them when they arrive.
 */
import { useMemo } from "react";
import { Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { AlignmentReport } from "../../engine/alignmentRules";
import type { MarginalMetric } from "../../engine/marginalAlignment";
import { MarginalPay } from "./MarginalPay";
import { DesignIndex } from "./DesignIndex";
import { FindingsList } from "./FindingsList";
import { ShareBars } from "./ShareBars";

export interface AlignmentResultsProps {
  report: AlignmentReport;
  /** Marginal pay per plan and metric (empty: not shown). */
  marginal?: readonly MarginalMetric[];
  /** A check is running: these results are about to be replaced (marked busy meanwhile). */
  busy: boolean;
  /** The running check is a re-check the pane started by itself: show "Updating…". */
  updating: boolean;
  onSelect: (cell: string) => void;
}

const useStyles = makeStyles({
  root: {
    position: "relative",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  updating: { position: "absolute", insetInlineEnd: 0, top: 0 },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
});

export function AlignmentResults({
  report,
  marginal = [],
  busy,
  updating,
  onSelect,
}: AlignmentResultsProps) {
  const styles = useStyles();
  const gaps = useMemo(
    () =>
      new Set(
        report.findings
          .filter((f) => f.rule === "priority-pay-gap" && f.objective)
          .map((f) => f.objective as string)
      ),
    [report.findings]
  );
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const misaligned = new Set(
    report.findings.filter((f) => f.rule === "marginal-misaligned" && f.plan).map((f) => f.plan!)
  );
  const shareBars = (
    <div key="shares" className={styles.group}>
      <ShareBars objectives={report.objectives} gaps={gaps} />
      {marginal.length > 0 && (
        <MarginalPay marginal={marginal} misaligned={misaligned} errors={errors} />
      )}
    </div>
  );
  const findingsList = (
    <FindingsList key="findings" findings={report.findings} onSelect={onSelect} />
  );
  return (
    <div className={styles.root} aria-busy={busy || updating}>
      {updating && <Spinner className={styles.updating} size="extra-tiny" label="Updating…" />}
      <DesignIndex
        index={report.designAlignmentIndex}
        blockedByErrors={report.indexBlockedByErrors ? errors : 0}
      />
      {/* With errors, the list of what to fix comes before the (not valid) shares; keyed, so
          the list moves without remounting. */}
      {errors > 0 ? [findingsList, shareBars] : [shareBars, findingsList]}
    </div>
  );
}
