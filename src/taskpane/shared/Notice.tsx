/**
 * A Fluent message bar with a title, what happened, and (optionally) what to do next. Keyed by
 * its text where it is used, so each new message is announced.
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface NoticeProps {
  intent: "info" | "success" | "warning" | "error";
  title: string;
  /** What happened; omitted where `children` say it (a list). */
  message?: string;
  next?: string | null;
  /** Shown after the message (a list of problems). */
  children?: ReactNode;
}

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  line: { margin: 0 },
});

export function Notice({ intent, title, message, next, children }: NoticeProps) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message && <p className={styles.line}>{message}</p>}
        {children}
        {next && <p className={styles.line}>{next}</p>}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What a tab's error describer returns, as far as the notice needs it. */
export interface DescribedError {
  title: string;
  message: string;
  next: string | null;
  intent: "error" | "warning";
}

/**
 * A described error as a notice, announced anew for each new error; `stale` (when the results
 * still on screen are from an earlier run) follows the next step.
 */
export function ErrorNotice({ error, stale }: { error: DescribedError; stale?: string | null }) {
  return (
    <Notice
      key={`${error.title}|${error.message}`}
      intent={error.intent}
      title={error.title}
      message={error.message}
      next={[error.next, stale].filter(Boolean).join(" ")}
    />
  );
}
