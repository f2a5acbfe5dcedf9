/**
 * The Communicate tab's answer first: which plans are ready to share with reps — no problem
 * that makes the page less than exact, and within the five-minute rule — and which need work.
 */
import { Body1, makeStyles } from "@fluentui/react-components";
import type { PlanExplanation } from "../../engine/planExplain";
import { listOf } from "../alignment/format";
import { SummaryCard } from "../shared/SummaryCard";

export interface CommunicateSummaryProps {
  plans: readonly Pick<PlanExplanation, "plan" | "problems" | "complexity">[];
}

const useStyles = makeStyles({
  line: { margin: 0, overflowWrap: "anywhere" },
});

/** A plan is ready to share when its page is exact and it keeps the five-minute rule. */
export const readyToShare = (p: Pick<PlanExplanation, "problems" | "complexity">): boolean =>
  p.problems.length === 0 && p.complexity.warning === null;

export function CommunicateSummary({ plans }: CommunicateSummaryProps) {
  const styles = useStyles();
  const ready = plans.filter(readyToShare).map((p) => p.plan);
  const notReady = plans.filter((p) => !readyToShare(p)).map((p) => p.plan);
  return (
    <SummaryCard
      label="Communicate summary"
      summary="communicate"
      title={`${ready.length} of ${plans.length} plans ready to share`}
    >
      {ready.length > 0 && (
        <Body1 as="p" className={styles.line}>
          Ready: {listOf(ready)}.
        </Body1>
      )}
      {notReady.length > 0 && (
        <Body1 as="p" className={styles.line}>
          Needs work first: {listOf(notReady)} (see the warning on its page).
        </Body1>
      )}
    </SummaryCard>
  );
}
