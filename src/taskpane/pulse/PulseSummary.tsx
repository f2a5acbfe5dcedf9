/**
 * The Pulse tab's answer first: how many checks say Act, Watch and OK for the period, and the
 * first Act (else Watch) check by its title, in one card above the details.
 */
import { Body1, makeStyles } from "@fluentui/react-components";
import { statusRank, type PulseCheck } from "../../engine/pulseChecks";
import { SummaryCard } from "../shared/SummaryCard";

export interface PulseSummaryProps {
  label: string;
  checks: readonly PulseCheck[];
}

const useStyles = makeStyles({
  line: { margin: 0 },
});

/** Checks worst first: Act, then Watch, then the rest, each in their stable order. */
export const worstChecksFirst = (checks: readonly PulseCheck[]): PulseCheck[] =>
  checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => statusRank(b.c.status) - statusRank(a.c.status) || a.i - b.i)
    .map(({ c }) => c);

export function PulseSummary({ label, checks }: PulseSummaryProps) {
  const styles = useStyles();
  const of = (s: PulseCheck["status"]) => checks.filter((c) => c.status === s).length;
  const act = of("Act");
  const watch = of("Watch");
  const first = worstChecksFirst(checks)[0];
  const lead =
    first && (first.status === "Act" || first.status === "Watch")
      ? `First to look at: ${first.title} (${first.status}).`
      : "Every measured check is in its healthy band.";
  return (
    <SummaryCard
      label="Pulse summary"
      summary="pulse"
      title={`${act} Act · ${watch} Watch · ${of("OK")} OK`}
    >
      <Body1 as="p" className={styles.line}>
        {label}. {lead}
      </Body1>
    </SummaryCard>
  );
}
