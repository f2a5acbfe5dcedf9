/**
 * A small link-like button that selects a cell in the workbook ("Go to Scenarios!A5"), so the
 * row behind a message can be fixed in the sheet itself.
 */
import { Button, makeStyles } from "@fluentui/react-components";
import { CursorClickRegular } from "@fluentui/react-icons";
import { cellText } from "../shared/labels";

export interface GoToCellProps {
  cell: string;
  /** What is at the cell, for the button's name: "Go to Scenarios!A5 (row of Cloud push)". */
  about?: string;
  onSelect: (cell: string) => void;
}

const useStyles = makeStyles({
  button: { minWidth: 0, paddingInline: 0, justifyContent: "flex-start" },
});

export function GoToCell({ cell, about, onSelect }: GoToCellProps) {
  const styles = useStyles();
  return (
    <Button
      appearance="transparent"
      size="small"
      className={styles.button}
      icon={<CursorClickRegular />}
      aria-label={about ? `Go to ${cellText(cell)} (${about})` : undefined}
      onClick={() => onSelect(cell)}
    >
      Go to {cellText(cell)}
    </Button>
  );
}
