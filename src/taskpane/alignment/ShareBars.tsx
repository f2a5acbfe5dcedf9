/**
 * Priority share next to pay share for every objective, as pairs of bars, with the objectives
 * the engine flagged for a priority-pay gap marked.
 */
import { Badge, Body1, Subtitle2, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { ObjectiveShare } from "../../engine/alignmentRules";
import { ShareBar } from "./ShareBar";
import { ruleLabel } from "../shared/labels";

export interface ShareBarsProps {
  objectives: readonly ObjectiveShare[];
  /** Objectives with a priority-pay-gap finding. */
  gaps: ReadonlySet<string>;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  name: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  legend: { margin: 0, color: tokens.colorNeutralForeground3 },
});

export function ShareBars({ objectives, gaps }: ShareBarsProps) {
  const styles = useStyles();
  const headingId = useId("share-bars-");
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Priority share vs pay share
      </Subtitle2>
      {objectives.length === 0 ? (
        <Body1 as="p" className={styles.legend}>
          No objectives to compare: add them to the Objectives sheet.
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.legend}>
            Each objective&apos;s share of strategic priority, and its share of target incentive.
            {gaps.size > 0 && <> Pay gap: {ruleLabel("priority-pay-gap").explain}</>}
          </Body1>
          <ul className={styles.list} aria-labelledby={headingId}>
            {objectives.map((o) => (
              <li key={o.objective} className={styles.item}>
                <span className={styles.name}>
                  {o.objective}
                  {gaps.has(o.objective) && (
                    <Badge appearance="tint" color="warning" size="small">
                      Pay gap
                    </Badge>
                  )}
                </span>
                <ShareBar
                  objective={o.objective}
                  label="Priority"
                  share={o.priorityShare}
                  tone="priority"
                />
                <ShareBar objective={o.objective} label="Pay" share={o.payShare} tone="pay" />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
