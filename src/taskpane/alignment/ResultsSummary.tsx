/**
 * A polite live region saying what the last check found ("Checked: 1 error, 2 warnings and
 * 0 notes."), so screen-reader users hear the outcome of a check or a re-check.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../engine/plan";
import { count, listOf } from "./format";

export interface ResultsSummaryProps {
  findings: readonly Finding[] | null;
}

const useStyles = makeStyles({
  root: { margin: 0, color: tokens.colorNeutralForeground3, minHeight: tokens.lineHeightBase200 },
});

export function summarize(findings: readonly Finding[]): string {
  const of = (severity: Finding["severity"]) =>
    findings.filter((f) => f.severity === severity).length;
  return `Checked: ${listOf([count(of("error"), "error"), count(of("warning"), "warning"), count(of("info"), "note")])}.`;
}

export function ResultsSummary({ findings }: ResultsSummaryProps) {
  const styles = useStyles();
  return (
    <Caption1 as="p" role="status" aria-live="polite" className={styles.root}>
      {findings ? summarize(findings) : ""}
    </Caption1>
  );
}
