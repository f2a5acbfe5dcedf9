/**
 * One finding: its rule (by its human title, src/taskpane/shared/labels.ts), where it is (plan, metric, objective), the message, and the cell it
 * points at. With a cell it is a button that selects that cell in the workbook.
 */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { CursorClickRegular } from "@fluentui/react-icons";
import type { Finding } from "../../engine/plan";
import { cellText, ruleLabel } from "../shared/labels";

export interface FindingItemProps {
  finding: Finding;
  onSelect: (cell: string) => void;
}

const useStyles = makeStyles({
  button: {
    width: "100%",
    minWidth: 0,
    height: "auto",
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    justifyContent: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: "anywhere",
  },
  static: {
    overflowWrap: "anywhere",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  rule: { fontWeight: tokens.fontWeightSemibold },
  where: { color: tokens.colorNeutralForeground2 },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  cell: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForegroundLink,
    fontSize: tokens.fontSizeBase200,
  },
});

/** "Plan: Account Executive · Metric: Cloud ARR · Objective: Grow cloud"; "" when none applies. */
export function whereText(finding: Pick<Finding, "plan" | "metric" | "objective">): string {
  const parts: string[] = [];
  if (finding.plan) parts.push(`Plan: ${finding.plan}`);
  if (finding.metric) parts.push(`Metric: ${finding.metric}`);
  if (finding.objective) parts.push(`Objective: ${finding.objective}`);
  return parts.join(" · ");
}

export function FindingItem({ finding, onSelect }: FindingItemProps) {
  const styles = useStyles();
  const where = whereText(finding);
  // Spaces between the parts keep the button's accessible name readable.
  const content = (
    <>
      <span className={styles.rule} data-rule={finding.rule}>
        {ruleLabel(finding.rule).title}
      </span>{" "}
      {where && (
        <>
          <Caption1 className={styles.where}>{where}</Caption1>{" "}
        </>
      )}
      <span className={styles.message}>{finding.message}</span>
    </>
  );
  const { cell } = finding;
  if (!cell) return <div className={styles.static}>{content}</div>;
  return (
    <Button appearance="subtle" className={styles.button} onClick={() => onSelect(cell)}>
      {content}{" "}
      <span className={styles.cell}>
        <CursorClickRegular aria-hidden="true" />
        Go to {cellText(cell)}
      </span>
    </Button>
  );
}
