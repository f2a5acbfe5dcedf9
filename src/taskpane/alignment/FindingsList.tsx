/**
 * The findings of a check, grouped by severity: Errors, Warnings, Notes, each with its count.
 */
import { Subtitle2, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { Finding, Severity } from "../../engine/plan";
import { FindingGroup } from "./FindingGroup";

export interface FindingsListProps {
  findings: readonly Finding[];
  onSelect: (cell: string) => void;
}

const GROUPS: { severity: Severity; heading: string }[] = [
  { severity: "error", heading: "Errors" },
  { severity: "warning", heading: "Warnings" },
  { severity: "info", heading: "Notes" },
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

export function FindingsList({ findings, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const headingId = useId("findings-");
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Findings
      </Subtitle2>
      {GROUPS.map(({ severity, heading }) => (
        <FindingGroup
          key={severity}
          severity={severity}
          heading={heading}
          findings={findings.filter((f) => f.severity === severity)}
          onSelect={onSelect}
        />
      ))}
    </section>
  );
}
