/**
 * The checks plan by plan: checks as rows (worst company status first), the company and each
 * plan as columns, each cell the status as a word in a coloured badge (colour is never the only
 * cue) with the value. The row header names the check; the column header names the plan and its
 * computed reps.
 */
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PulseResult } from "../../engine/pulse";
import { PULSE_CHECK_INFO, type PulseCheck } from "../../engine/pulseChecks";
import { formatPulseValue, worstFirst } from "../../reports/pulseSheet";
import { StatusBadge } from "./StatusBadge";

export interface PulsePlanTableProps {
  pulse: Pick<PulseResult, "checks" | "plans" | "computedReps">;
  /** The table's accessible name, e.g. "Checks by plan, Q1 2026". */
  label: string;
}

const useStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { minWidth: "max-content" },
  cell: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  value: { fontVariantNumeric: "tabular-nums" },
  check: { fontWeight: tokens.fontWeightSemibold, minWidth: "10rem" },
});

function Cell({ check }: { check: PulseCheck }) {
  const styles = useStyles();
  return (
    <TableCell>
      <div className={styles.cell} data-status={check.status}>
        <StatusBadge status={check.status} />
        <span className={styles.value}>{formatPulseValue(check.id, check.value)}</span>
      </div>
    </TableCell>
  );
}

export function PulsePlanTable({ pulse, label }: PulsePlanTableProps) {
  const styles = useStyles();
  const order = worstFirst(pulse);
  const company = new Map(pulse.checks.map((c) => [c.id, c]));
  return (
    <div className={styles.scroll} role="region" aria-label={label} tabIndex={0}>
      <Table className={styles.table} size="small" aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Check</TableHeaderCell>
            <TableHeaderCell>Company ({pulse.computedReps} reps)</TableHeaderCell>
            {pulse.plans.map((p) => (
              <TableHeaderCell key={p.plan}>
                {p.plan} ({p.reps} reps)
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {order.map((id) => (
            <TableRow key={id} data-check={id}>
              <TableHeaderCell scope="row" className={styles.check}>
                {PULSE_CHECK_INFO[id].title}
              </TableHeaderCell>
              <Cell check={company.get(id)!} />
              {pulse.plans.map((p) => (
                <Cell key={p.plan} check={p.checks.find((c) => c.id === id)!} />
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
