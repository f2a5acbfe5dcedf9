/**
 * One plan on a page, as the `Plan - <name>` tab shows it: why the plan exists, what counts,
 * each metric with its weight and its curve as a small table, what the plan pays at 50–150%
 * attainment, how to earn more, and its complexity, with a warning when it breaks the
 * five-minute rule. Presentation only: every number is the engine's.
 */
import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ExplainedPlan } from "../../actions";
import { inCurrency } from "../../engine/planExplain";
import { pct } from "../../engine/figures";
import { amount, describeLandmarks } from "../../engine/planExplainFormat";
import { complexityLine, weightPhrase } from "../../engine/planExplainText";
import { SmallTable } from "./SmallTable";

export interface PlanPageViewProps {
  plan: ExplainedPlan;
  /** A new page is being read: this one is about to be replaced. */
  busy: boolean;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  metric: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId("plan-section-");
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h4" id={id} className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export function PlanPageView({ plan, busy }: PlanPageViewProps) {
  const styles = useStyles();
  const headingId = useId("plan-page-");
  const currency = inCurrency(plan);
  const { warning } = plan.complexity;
  return (
    <article className={styles.root} aria-labelledby={headingId} aria-busy={busy}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {plan.plan}: your plan on a page
      </Subtitle2>

      {plan.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Before you share this page</MessageBarTitle>
            <ul className={styles.list}>
              {plan.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <Section title="Why this plan">
        {plan.objectives.length > 0 ? (
          <ul className={styles.list}>
            {plan.objectives.map((o) => (
              <li key={o.objective}>
                <strong>{o.objective}</strong> ({weightPhrase(o.weight)}){o.why ? `: ${o.why}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <Body1 as="p" className={styles.muted}>
            No objective is named for this plan in Matrix.
          </Body1>
        )}
      </Section>

      <Section title="What counts">
        {plan.behaviors.length > 0 ? (
          <ul className={styles.list}>
            {plan.behaviors.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        ) : (
          <Body1 as="p" className={styles.muted}>
            No behaviour is written yet: fill in the Behavior column of Matrix.
          </Body1>
        )}
      </Section>

      <Section title="Your metrics">
        {plan.metrics.map((m) => (
          <div key={m.metric} className={styles.metric}>
            <Subtitle2 as="h5" className={styles.subheading}>
              {m.metric}
            </Subtitle2>
            <Body1 as="p" className={styles.text}>
              Weight {pct(m.weight)}
              {m.weight === 0 ? " (tracked, not paid yet)" : ""}
              {m.behavior ? `. Rewards: ${m.behavior}` : ""}.
            </Body1>
            {m.why && (
              <Body1 as="p" className={styles.muted}>
                {m.why}
              </Body1>
            )}
            <Body1 as="p" className={styles.text}>
              {m.problem ?? m.curveDescription}
            </Body1>
            {!m.problem && m.landmarks && (
              <Body1 as="p" className={styles.muted}>
                {describeLandmarks(m.landmarks)}
              </Body1>
            )}
            {m.points.length > 0 && (
              <SmallTable
                caption={`${m.metric} curve (${m.curve})`}
                headers={["Attainment", "Payout (% of target)"]}
                rows={m.points.map(([a, rate]) => [pct(a), pct(rate)])}
              />
            )}
          </div>
        ))}
      </Section>

      <Section title="What you earn">
        <Caption1 as="p" className={styles.muted}>
          {plan.targetIncentiveBasis.note}
        </Caption1>
        <SmallTable
          caption={`Earnings at the same attainment on every metric`}
          headers={
            currency
              ? ["Attainment", "Earnings", "% of target"]
              : ["Attainment", "Earnings (% of target incentive)"]
          }
          rows={plan.earnings.map((e) =>
            currency
              ? [pct(e.attainment), amount(e.earnings, true, plan.figures), pct(e.rate)]
              : [pct(e.attainment), pct(e.earnings)]
          )}
        />
      </Section>

      <Section title="How to earn more">
        <Body1 as="p" className={styles.text}>
          {plan.howToEarnMore.message}
        </Body1>
      </Section>

      <Section title="Plan complexity">
        <Body1 as="p" className={styles.text}>
          {complexityLine(plan)}
        </Body1>
        {warning && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Breaks the five-minute rule</MessageBarTitle>
              {warning}
            </MessageBarBody>
          </MessageBar>
        )}
        <Caption1 as="p" className={styles.muted}>
          {plan.complexity.modifiersNote}
        </Caption1>
      </Section>
    </article>
  );
}
