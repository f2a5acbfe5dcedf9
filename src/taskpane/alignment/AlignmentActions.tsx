/**
 * The Alignment tab's three actions, and a spinner saying which one is running. All three are
 * disabled while one runs. Only the state's next step is primary (Set up workbook on an empty
 * workbook, Check alignment when ready; none while errors wait: Go to the first error is).
 */
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import {
  CheckmarkStarburstRegular,
  TableAddRegular,
  TableSimpleRegular,
} from "@fluentui/react-icons";
import type { UserTask } from "./useAlignment";

export interface AlignmentActionsProps {
  busy: UserTask | null;
  onSetUp: () => void;
  onCheck: () => void;
  onWriteView: () => void;
  /** The one primary action for the tab's state (src/taskpane/alignment/AlignmentSummary.tsx). */
  primary?: "setup" | "check" | null;
}

const RUNNING: Record<UserTask, string> = {
  setup: "Setting up the workbook…",
  check: "Checking alignment…",
  view: "Writing the alignment view…",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  spinner: { justifyContent: "flex-start" },
});

export function AlignmentActions({
  busy,
  onSetUp,
  onCheck,
  onWriteView,
  primary = "check",
}: AlignmentActionsProps) {
  const styles = useStyles();
  const disabled = busy !== null;
  return (
    <div className={styles.root}>
      <div className={styles.buttons} role="group" aria-label="Alignment actions">
        <Button
          appearance={primary === "setup" ? "primary" : "secondary"}
          data-primary={primary === "setup" || undefined}
          icon={<TableAddRegular />}
          disabledFocusable={disabled}
          onClick={onSetUp}
        >
          Set up workbook
        </Button>
        <Button
          appearance={primary === "check" ? "primary" : "secondary"}
          data-primary={primary === "check" || undefined}
          icon={<CheckmarkStarburstRegular />}
          disabledFocusable={disabled}
          onClick={onCheck}
        >
          Check alignment
        </Button>
        <Button icon={<TableSimpleRegular />} disabledFocusable={disabled} onClick={onWriteView}>
          Alignment view
        </Button>
      </div>
      {busy && <Spinner className={styles.spinner} size="tiny" label={RUNNING[busy]} />}
    </div>
  );
}
