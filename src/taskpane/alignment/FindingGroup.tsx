/**
 * The findings of one severity under a heading with their count ("Errors (2)"), or a line
 * saying there are none.
 */
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular, InfoRegular, WarningRegular } from "@fluentui/react-icons";
import type { Finding, Severity } from "../../engine/plan";
import { Section } from "../shared/Section";
import { framed, plainList } from "../shared/styles";
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
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  list: plainList(tokens.spacingVerticalXS),
  item: framed,
  none: { margin: 0, color: tokens.colorNeutralForeground3 },
});

export function FindingGroup({ severity, heading, findings, onSelect }: FindingGroupProps) {
  const styles = useStyles();
  const Icon = ICONS[severity];
  return (
    <Section
      title={`${heading} (${findings.length})`}
      heading="group"
      level="h4"
      icon={<Icon aria-hidden="true" className={styles[severity]} />}
      gap="XS"
      idPrefix="finding-group-"
    >
      {(headingId) =>
        findings.length === 0 ? (
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
        )
      }
    </Section>
  );
}
