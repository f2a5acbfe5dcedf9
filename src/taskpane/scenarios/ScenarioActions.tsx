/**
 * The Scenarios tab's workbook actions: Set up workbook (the starter plan to fill in: the same
 * action, name and icon as on the Alignment tab; primary while the workbook has no plan), Insert
 * sample data (a finished example — sample plan, reps and scenarios — added beside the sheets
 * already there) and Refresh list (read the Scenarios sheet again), with a spinner saying what is
 * running. Disabled while any task runs.
 */
import { Button } from "@fluentui/react-components";
import { ArrowSyncRegular, DocumentTableArrowRightRegular } from "@fluentui/react-icons";
import { ActionBar, SetUpWorkbookButton } from "../shared/ActionBar";
import type { UserTask } from "./useScenarios";

export interface ScenarioActionsProps {
  busy: UserTask | null;
  refreshing: boolean;
  /** The workbook has no plan to run yet: Set up workbook is the next step (primary). */
  needsSetup?: boolean;
  onSetUp: () => void;
  onInsertSample: () => void;
  onRefresh: () => void;
}

const RUNNING: Partial<Record<UserTask, string>> = {
  load: "Reading the scenarios…",
  setup: "Setting up the workbook…",
  sample: "Inserting the sample data…",
  add: "Adding the row…",
};

export function ScenarioActions({
  busy,
  refreshing,
  needsSetup = false,
  onSetUp,
  onInsertSample,
  onRefresh,
}: ScenarioActionsProps) {
  const disabled = busy !== null;
  const running = busy ? RUNNING[busy] : refreshing ? "Reading the scenarios…" : undefined;
  return (
    <ActionBar label="Scenario workbook actions" running={running}>
      <SetUpWorkbookButton primary={needsSetup} disabledFocusable={disabled} onClick={onSetUp} />
      <Button
        icon={<DocumentTableArrowRightRegular />}
        disabledFocusable={disabled}
        onClick={onInsertSample}
      >
        Insert sample data
      </Button>
      <Button icon={<ArrowSyncRegular />} disabledFocusable={disabled} onClick={onRefresh}>
        Refresh list
      </Button>
    </ActionBar>
  );
}
