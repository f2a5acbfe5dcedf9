/**
 * A tab's row of action buttons (a named group, wrapping at pane width) and under it a spinner
 * saying what runs: `running` for a task the user started, else `updating` (smaller) for a
 * quiet re-read. `PrimaryButton` is an action that is the tab's one primary step only in some
 * states (marked `data-primary` then).
 */
import { Button, Spinner, makeStyles, tokens, type ButtonProps } from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { stack } from "./styles";

export interface ActionBarProps {
  /** The group's accessible name ("Alignment actions"). */
  label: string;
  /** What the task the user started is doing ("Checking alignment…"); nothing when idle. */
  running?: string | null;
  /** What a quiet re-read is doing ("Updating…"), shown smaller when no task runs. */
  updating?: string | null;
  children: ReactNode;
}

const useStyles = makeStyles({
  root: stack(tokens.spacingVerticalS),
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  spinner: { justifyContent: "flex-start" },
});

export function ActionBar({ label, running, updating, children }: ActionBarProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.buttons} role="group" aria-label={label}>
        {children}
      </div>
      {running && <Spinner className={styles.spinner} size="tiny" label={running} />}
      {!running && updating && (
        <Spinner className={styles.spinner} size="extra-tiny" label={updating} />
      )}
    </div>
  );
}

/** A button that is primary (and marked `data-primary`) only when `primary` is true. */
export function PrimaryButton({ primary, ...props }: ButtonProps & { primary: boolean }) {
  return (
    <Button
      appearance={primary ? "primary" : "secondary"}
      data-primary={primary || undefined}
      {...props}
    />
  );
}

/**
 * "Set up workbook" (the Alignment and Scenarios tabs' same first step: the input sheets with a
 * starter plan), primary while the workbook has no plan.
 */
export function SetUpWorkbookButton(props: {
  primary: boolean;
  disabledFocusable?: boolean;
  onClick?: () => void;
}) {
  return (
    <PrimaryButton icon={<TableAddRegular />} {...props}>
      Set up workbook
    </PrimaryButton>
  );
}
