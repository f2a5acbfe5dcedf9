/**
 * The Communicate tab's actions: read the plans again, copy the shown plan's talking points,
 * write every plan's page. The workbook actions are disabled while one runs; copying needs a
 * plan on screen.
 */
import { Button } from "@fluentui/react-components";
import { ArrowClockwiseRegular, CopyRegular, DocumentTableRegular } from "@fluentui/react-icons";
import { ActionBar } from "../shared/ActionBar";
import type { UserTask } from "./useCommunicate";

export interface CommunicateActionsProps {
  busy: UserTask | null;
  /** A quiet re-read is running. */
  refreshing: boolean;
  /** There is a plan to copy and write. */
  hasPlan: boolean;
  onRead: () => void;
  onCopy: () => void;
  onWrite: () => void;
}

const RUNNING: Record<UserTask, string> = {
  load: "Reading the plans…",
  write: "Writing plan pages…",
};

export function CommunicateActions({
  busy,
  refreshing,
  hasPlan,
  onRead,
  onCopy,
  onWrite,
}: CommunicateActionsProps) {
  const disabled = busy !== null;
  return (
    <ActionBar
      label="Plan on a page actions"
      running={busy && RUNNING[busy]}
      updating={refreshing ? "Updating…" : null}
    >
      <Button icon={<ArrowClockwiseRegular />} disabledFocusable={disabled} onClick={onRead}>
        Read plans
      </Button>
      <Button
        appearance="primary"
        icon={<CopyRegular />}
        disabledFocusable={!hasPlan}
        onClick={onCopy}
      >
        Copy talking points
      </Button>
      <Button
        icon={<DocumentTableRegular />}
        disabledFocusable={disabled || !hasPlan}
        onClick={onWrite}
      >
        Write plan pages
      </Button>
    </ActionBar>
  );
}
