/**
 * The Alignment tab's three actions, and a spinner saying which one is running. All three are
 * disabled while one runs. Only the state's next step is primary (Set up workbook on an empty
 * workbook, Check alignment when ready; none while errors wait: Go to the first error is).
 */
import { Button } from "@fluentui/react-components";
import { CheckmarkStarburstRegular, TableSimpleRegular } from "@fluentui/react-icons";
import { ActionBar, PrimaryButton, SetUpWorkbookButton } from "../shared/ActionBar";
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

export function AlignmentActions({
  busy,
  onSetUp,
  onCheck,
  onWriteView,
  primary = "check",
}: AlignmentActionsProps) {
  const disabled = busy !== null;
  return (
    <ActionBar label="Alignment actions" running={busy && RUNNING[busy]}>
      <SetUpWorkbookButton
        primary={primary === "setup"}
        disabledFocusable={disabled}
        onClick={onSetUp}
      />
      <PrimaryButton
        primary={primary === "check"}
        icon={<CheckmarkStarburstRegular />}
        disabledFocusable={disabled}
        onClick={onCheck}
      >
        Check alignment
      </PrimaryButton>
      <Button icon={<TableSimpleRegular />} disabledFocusable={disabled} onClick={onWriteView}>
        Alignment view
      </Button>
    </ActionBar>
  );
}
