/**
 * "Download .xlsx": writes the in-memory workbook through the exceljs adapter and saves it. Says
 * it is working while it does, and shows a message bar with what to do if it fails.
 */
import { useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";

export interface DownloadButtonProps {
  onDownload: () => Promise<void>;
  disabled?: boolean;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-end",
    rowGap: tokens.spacingVerticalXS,
  },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export function DownloadButton({ onDownload, disabled = false }: DownloadButtonProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onDownload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        {busy && <Spinner size="tiny" label="Writing the .xlsx…" labelPosition="before" />}
        <Button
          icon={<ArrowDownloadRegular />}
          disabledFocusable={disabled || busy}
          onClick={() => void download()}
        >
          Download .xlsx
        </Button>
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The workbook could not be saved</MessageBarTitle>
            {error} Try again; if it keeps failing, reload the page (the playground starts again
            from the sample).
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
