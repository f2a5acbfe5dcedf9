/**
 * The Scenarios tab's workbook actions: Insert sample data (the sample plan, reps and
 * scenarios, added beside the sheets already there) and Refresh list (read the Scenarios sheet
 * again), with a spinner saying what is running. Disabled while any task runs.
 */
import { Button } from "@fluentui/react-components";
import { ArrowSyncRegular, DocumentTableArrowRightRegular } from "@fluentui/react-icons";
import { ActionBar } from "../shared/ActionBar";
import type { UserTask } from "./useScenarios";

export interface ScenarioActionsProps {
  busy: UserTask | null;
  refreshing: boolean;
  onInsertSample: () => void;
  onRefresh: () => void;
}

const RUNNING: Partial<Record<UserTask, string>> = {
  load: "Reading the scenarios…",
  sample: "Inserting the sample data…",
  add: "Adding the row…",
};

export function ScenarioActions({
  busy,
  refreshing,
  onInsertSample,
  onRefresh,
}: ScenarioActionsProps) {
  const disabled = busy !== null;
  const running = busy ? RUNNING[busy] : refreshing ? "Reading the scenarios…" : undefined;
  return (
    <ActionBar label="Scenario workbook actions" running={running}>
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
