/**
 * Run scenarios refuses a plan with error findings: this message lists each error with a button
 * to its cell, and offers the Alignment tab, where the full check is.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { Finding } from "../../engine/plan";
import { ruleLabel } from "../shared/labels";
import { GoToCell } from "./GoToCell";
import { useIssueListStyles } from "./issueListStyles";

export interface PlanErrorsProps {
  findings: readonly Finding[];
  onSelect: (cell: string) => void;
  /** Shows the Alignment tab; without it the button is not offered. */
  onShowAlignment?: () => void;
}

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  line: { margin: 0 },
  actions: { display: "flex", justifyContent: "flex-start" },
});

export function PlanErrors({ findings, onSelect, onShowAlignment }: PlanErrorsProps) {
  const styles = { ...useIssueListStyles(), ...useStyles() };
  const listId = useId("plan-errors-");
  const n = findings.length;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle id={listId}>
          The plan has {n} error{n === 1 ? "" : "s"}: no results until{" "}
          {n === 1 ? "it is" : "they are"} fixed
        </MessageBarTitle>
        <p className={styles.line}>
          Figures computed from a plan with errors would look exact and be wrong, so nothing is run.
          Fix these cells, then select Refresh list.
        </p>
        <ul className={styles.list} aria-labelledby={listId}>
          {findings.map((f, i) => (
            <li key={`${f.rule}|${f.cell}|${i}`} className={styles.item}>
              {f.message}
              {f.cell && (
                <div>
                  <GoToCell cell={f.cell} about={ruleLabel(f.rule).title} onSelect={onSelect} />
                </div>
              )}
            </li>
          ))}
        </ul>
        {onShowAlignment && (
          <div className={styles.actions}>
            <Button appearance="secondary" size="small" onClick={onShowAlignment}>
              Open the Alignment tab
            </Button>
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
