/**
 * The Alignment tab's three actions, and a spinner saying which one is running. All three are
 * disabled while one runs.
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

export function AlignmentActions({ busy, onSetUp, onCheck, onWriteView }: AlignmentActionsProps) {
  const styles = useStyles();
  const disabled = busy !== null;
  return (
    <div className={styles.root}>
      <div className={styles.buttons} role="group" aria-label="Alignment actions">
        <Button icon={<TableAddRegular />} disabledFocusable={disabled} onClick={onSetUp}>
          Set up workbook
        </Button>
        <Button
          appearance="primary"
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
