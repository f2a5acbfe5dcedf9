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
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ExplainedPlan } from "../../actions";
import { inCurrency } from "../../engine/planExplain";
import { pct } from "../../engine/figures";
import { amount, describeLandmarks } from "../../engine/planExplainFormat";
import { complexityLine, weightPhrase } from "../../engine/planExplainText";
import { PLAN_PAGE_HEADERS } from "../../reports/planPage";
import { Section } from "../shared/Section";
import { SmallTable } from "./SmallTable";

export interface PlanPageViewProps {
  plan: ExplainedPlan;
  /** A new page is being read: this one is about to be replaced. */
  busy: boolean;
}

const useStyles = makeStyles({
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

/** A part of the page, under its h4. */
const Part = ({ title, children }: { title: string; children: ReactNode }) => (
  <Section title={title} level="h4" gap="XS" idPrefix="plan-section-">
    {children}
  </Section>
);

/** A bulleted list of `items`, or `none` when there are none. */
function ListOrNone({ items, none }: { items: readonly ReactNode[]; none: string }) {
  const styles = useStyles();
  if (items.length === 0)
    return (
      <Body1 as="p" className={styles.muted}>
        {none}
      </Body1>
    );
  return (
    <ul className={styles.list}>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

export function PlanPageView({ plan, busy }: PlanPageViewProps) {
  const styles = useStyles();
  const currency = inCurrency(plan);
  const { warning } = plan.complexity;
  return (
    <Section
      as="article"
      title={`${plan.plan}: your plan on a page`}
      gap="L"
      idPrefix="plan-page-"
      aria-busy={busy}
    >
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

      <Part title="Why this plan">
        <ListOrNone
          items={plan.objectives.map((o) => (
            <>
              <strong>{o.objective}</strong> ({weightPhrase(o.weight)}){o.why ? `: ${o.why}` : ""}
            </>
          ))}
          none="No objective is named for this plan in Matrix."
        />
      </Part>

      <Part title="What counts">
        <ListOrNone
          items={plan.behaviors}
          none="No behaviour is written yet: fill in the Behavior column of Matrix."
        />
      </Part>

      <Part title="Your metrics">
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
                headers={PLAN_PAGE_HEADERS.curve}
                rows={m.points.map(([a, rate]) => [pct(a), pct(rate)])}
              />
            )}
          </div>
        ))}
      </Part>

      <Part title="What you earn">
        <Caption1 as="p" className={styles.muted}>
          {plan.targetIncentiveBasis.note}
        </Caption1>
        <SmallTable
          caption={`Earnings at the same attainment on every metric`}
          headers={currency ? PLAN_PAGE_HEADERS.earnings : PLAN_PAGE_HEADERS.earningsShare}
          rows={plan.earnings.map((e) =>
            currency
              ? [pct(e.attainment), amount(e.earnings, true, plan.figures), pct(e.rate)]
              : [pct(e.attainment), pct(e.earnings)]
          )}
        />
      </Part>

      <Part title="How to earn more">
        <Body1 as="p" className={styles.text}>
          {plan.howToEarnMore.message}
        </Body1>
      </Part>

      <Part title="Plan complexity">
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
      </Part>
    </Section>
  );
}
