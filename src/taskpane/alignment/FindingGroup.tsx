/**
 * The findings of one severity under a heading with their count ("Errors (2)"), or a line
 * saying there are none.
 */
import { Body1, makeStyles, tokens, useId } from "@fluentui/react-components";
import { ErrorCircleRegular, InfoRegular, WarningRegular } from "@fluentui/react-icons";
import type { Finding, Severity } from "../../engine/plan";
import { GroupHeading } from "../shared/GroupHeading";
import { FindingItem } from "./FindingItem";

export interface FindingGroupProps {
  severity: Severity;
  /** "Errors", "Warnings", "Notes". */
  heading: string;
  findings: readonly Finding[];
  onSelect: (cell: string) => void;
}

const ICONS = { error: ErrorCircleRegular, warning: WarningRegular, info: InfoRegular };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  none: { margin: 0, color: tokens.colorNeutralForeground3 },
});

export function FindingGroup({ severity, heading, findings, onSelect }: FindingGroupProps) {
  const styles = useStyles();
  const headingId = useId("finding-group-");
  const Icon = ICONS[severity];
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <GroupHeading
        id={headingId}
        as="h4"
        icon={<Icon aria-hidden="true" className={styles[severity]} />}
      >
        {heading} ({findings.length})
      </GroupHeading>
      {findings.length === 0 ? (
        <Body1 as="p" className={styles.none}>
          None.
        </Body1>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {findings.map((finding, i) => (
            <li key={`${finding.rule}|${finding.cell ?? ""}|${i}`} className={styles.item}>
              <FindingItem finding={finding} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
