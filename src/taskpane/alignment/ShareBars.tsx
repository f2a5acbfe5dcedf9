/**
 * Priority share next to pay share for every objective, as pairs of bars, with the objectives
 * the engine flagged for a priority-pay gap marked.
 */
import { Badge, Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { ObjectiveShare } from "../../engine/alignmentRules";
import { ShareBar } from "./ShareBar";
import { ruleLabel } from "../shared/labels";
import { Section } from "../shared/Section";
import { plainList, stack } from "../shared/styles";

export interface ShareBarsProps {
  objectives: readonly ObjectiveShare[];
  /** Objectives with a priority-pay-gap finding. */
  gaps: ReadonlySet<string>;
}

const useStyles = makeStyles({
  list: plainList(tokens.spacingVerticalM),
  item: stack(tokens.spacingVerticalXXS),
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
  return (
    <Section title="Priority share vs pay share" idPrefix="share-bars-">
      {(headingId) =>
        objectives.length === 0 ? (
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
        )
      }
    </Section>
  );
}
