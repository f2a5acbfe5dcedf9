/**
 * The Communicate tab's actions: read the plans again, copy the shown plan's talking points,
 * write every plan's page. The workbook actions are disabled while one runs; copying needs a
 * plan on screen.
 */
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, CopyRegular, DocumentTableRegular } from "@fluentui/react-icons";
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

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  spinner: { justifyContent: "flex-start" },
});

export function CommunicateActions({
  busy,
  refreshing,
  hasPlan,
  onRead,
  onCopy,
  onWrite,
}: CommunicateActionsProps) {
  const styles = useStyles();
  const disabled = busy !== null;
  return (
    <div className={styles.root}>
      <div className={styles.buttons} role="group" aria-label="Plan on a page actions">
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
      </div>
      {busy && <Spinner className={styles.spinner} size="tiny" label={RUNNING[busy]} />}
      {!busy && refreshing && (
        <Spinner className={styles.spinner} size="extra-tiny" label="Updating…" />
      )}
    </div>
  );
}
