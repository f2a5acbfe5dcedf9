/**
 * Reps left out of every scenario (so all scenarios compare the same reps): how many, the first
 * five with their row, reason and a Go to the issue's cell (the first at fault, `repCell`), and
 * how many more.
 */
import { Body1, makeStyles, tokens, useId } from "@fluentui/react-components";
import { WarningRegular } from "@fluentui/react-icons";
import type { DataIssue } from "../../engine/scenarioRunner";
import { count } from "../alignment/format";
import { GroupHeading } from "../shared/GroupHeading";
import { GoToCell } from "./GoToCell";
import { repCell } from "./listing";
import { useIssueListStyles } from "./issueListStyles";
import { withLabels } from "../shared/labels";

export interface DataIssuesProps {
  issues: readonly DataIssue[];
  /** Reps on the Reps sheet. */
  repCount: number;
  onSelect: (cell: string) => void;
  as?: "h3" | "h4";
}

/** How many issues are listed; the rest are counted. */
export const SHOWN_ISSUES = 5;

const useIconStyles = makeStyles({ icon: { color: tokens.colorStatusWarningForeground1 } });

export function DataIssues({ issues, repCount, onSelect, as }: DataIssuesProps) {
  const styles = { ...useIssueListStyles(), ...useIconStyles() };
  const headingId = useId("data-issues-");
  const more = issues.length - SHOWN_ISSUES;
  return (
    <div className={styles.root}>
      <GroupHeading
        id={headingId}
        as={as}
        icon={issues.length > 0 && <WarningRegular aria-hidden="true" className={styles.icon} />}
      >
        Data issues ({issues.length})
      </GroupHeading>
      {repCount === 0 ? (
        <Body1 as="p" className={styles.note}>
          The Reps sheet has no reps yet: scenarios are computed rep by rep. Add one row per rep
          (their plan, target incentive, quotas and actuals) below its header, or Insert sample data
          for a finished example.
        </Body1>
      ) : issues.length === 0 ? (
        <Body1 as="p" className={styles.note}>
          None: every one of the {count(repCount, "rep")} is computed.
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.note}>
            {count(issues.length, "rep")} of {repCount} {issues.length === 1 ? "is" : "are"} left
            out of every scenario, never counted as zero:
          </Body1>
          <ul className={styles.list} aria-labelledby={headingId}>
            {issues.slice(0, SHOWN_ISSUES).map((issue) => (
              <li key={`${issue.row}|${issue.rep}`} className={styles.item}>
                <span className={styles.name}>{issue.rep || "(no name)"}</span> (row {issue.row}):{" "}
                {withLabels(issue.message)}
                <div>
                  <GoToCell cell={repCell(issue)} about={issue.rep} onSelect={onSelect} />
                </div>
              </li>
            ))}
          </ul>
          {more > 0 && (
            <Body1 as="p" className={styles.note}>
              and {more} more.
            </Body1>
          )}
        </>
      )}
    </div>
  );
}
