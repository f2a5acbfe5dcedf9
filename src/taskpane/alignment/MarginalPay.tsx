/**
 * Marginal pay at 100% attainment, plan by plan: what one more point pays on each metric (median
 * target incentive of the plan's reps) and what each unit of quota pays just below and just
 * above quota, in the workbook's currency. The metric that pays most per point is marked, and so is a plan
 * the engine flagged `marginal-misaligned`. Not shown as valid while the plan has errors.
 */
import { Badge, Body1, Subtitle2, makeStyles, tokens, useId } from "@fluentui/react-components";
import {
  moneyPerQuotaUnit,
  paidMetrics,
  type MarginalMetric,
} from "../../engine/marginalAlignment";
import { useFigures } from "../shared/figures";
import { formatShare } from "./format";

export interface MarginalPayProps {
  marginal: readonly MarginalMetric[];
  /** Plans with a marginal-misaligned finding (names as in Matrix). */
  misaligned: ReadonlySet<string>;
  /** Error findings: the figures are not valid until they are fixed. */
  errors: number;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  caption: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    paddingBlock: tokens.spacingVerticalXS,
  },
  th: { textAlign: "end", fontWeight: tokens.fontWeightSemibold, paddingInline: "4px" },
  rowHeader: { textAlign: "start", fontWeight: tokens.fontWeightRegular, paddingInline: "4px" },
  td: { textAlign: "end", paddingInline: "4px", whiteSpace: "nowrap" },
});

export function MarginalPay({ marginal, misaligned, errors }: MarginalPayProps) {
  const styles = useStyles();
  const fig = useFigures();
  // The engine's cents per quota unit as money per unit, as the Alignment View tab writes it.
  const perUnit = (cents: number | null) => fig.moneyPerUnit(moneyPerQuotaUnit(cents));
  const headingId = useId("marginal-");
  const paid = paidMetrics(marginal);
  const plans = [...new Set(paid.map((m) => m.plan))];
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Marginal pay at 100%
      </Subtitle2>
      {errors > 0 ? (
        <Body1 as="p" className={styles.note}>
          Not valid until the errors are fixed.
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.note}>
            Reps chase the metric where one more point pays most. Per point uses the plan&apos;s
            median target incentive; per unit is what each unit of quota (a currency unit for money
            metrics, one deal for a count of deals) pays just below and just above quota.
          </Body1>
          {plans.map((plan) => {
            const rows = paid.filter((m) => m.plan === plan);
            const best = Math.max(...rows.map((m) => m.sharePerPoint ?? -Infinity));
            return (
              <table key={plan} className={styles.table}>
                <caption className={styles.caption}>
                  {plan}{" "}
                  {misaligned.has(plan) && (
                    <Badge appearance="tint" color="warning" size="small">
                      pays most for a lower priority
                    </Badge>
                  )}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={styles.rowHeader}>
                      Metric
                    </th>
                    <th scope="col" className={styles.th}>
                      Per point
                    </th>
                    <th scope="col" className={styles.th}>
                      Per unit below
                    </th>
                    <th scope="col" className={styles.th}>
                      Per unit above
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((m) => (
                    <tr key={m.metric}>
                      <th scope="row" className={styles.rowHeader}>
                        {m.metric}
                        {m.sharePerPoint === best && best > 0 ? " (most per point)" : ""}
                      </th>
                      <td className={styles.td}>
                        {m.dollarsPerPoint === null
                          ? m.sharePerPoint === null
                            ? "n/a"
                            : `${formatShare(m.sharePerPoint)} of TI`
                          : fig.money(m.dollarsPerPoint)}
                      </td>
                      <td className={styles.td}>{perUnit(m.centsPerQuotaUnitBelow)}</td>
                      <td className={styles.td}>{perUnit(m.centsPerQuotaUnitAbove)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}
        </>
      )}
    </section>
  );
}
