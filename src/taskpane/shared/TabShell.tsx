/**
 * What every workbook tab has around its workspace: the tab's heading (h2) and one-paragraph
 * intro, then the workspace on the workbook from `useWorkbook()` or, without one (the pane in a
 * plain browser), the needs-Excel notice. A workspace that is a separate chunk (`lazy`) is shown
 * in a Suspense with a small spinner named by `loading` until its code arrives.
 */
import { Suspense, type ReactNode } from "react";
import { Body1, Spinner, makeStyles } from "@fluentui/react-components";
import { useWorkbook, type WorkbookAccess } from "../workbookAccess";
import { Notice } from "./Notice";
import { Section } from "./Section";

export interface NeedsExcelProps {
  /** "Open CompAlign in Excel to …". */
  title: string;
  /** What the tab reads or writes, and that there is no workbook here. */
  message: string;
}

/** What a workbook tab shows where there is no workbook: open CompAlign in Excel. */
export function NeedsExcel({ title, message }: NeedsExcelProps) {
  return (
    <Notice
      intent="info"
      title={title}
      message={message}
      next="In Excel, open CompAlign from the Home tab. The Functions tab works here too."
    />
  );
}

export interface TabShellProps {
  title: string;
  intro: ReactNode;
  /** Prefix of the heading's generated id ("alignment-heading-"). */
  idPrefix: string;
  needsExcel: NeedsExcelProps;
  /** The spinner's label while a lazily loaded workspace arrives; omit for one in the main chunk. */
  loading?: string;
  children: (access: WorkbookAccess) => ReactNode;
}

const useStyles = makeStyles({
  intro: { margin: 0 },
  loading: { justifyContent: "flex-start" },
});

export function TabShell({ title, intro, idPrefix, needsExcel, loading, children }: TabShellProps) {
  const styles = useStyles();
  const access = useWorkbook();
  let body: ReactNode = <NeedsExcel {...needsExcel} />;
  if (access && loading) {
    body = (
      <Suspense fallback={<Spinner className={styles.loading} size="tiny" label={loading} />}>
        {children(access)}
      </Suspense>
    );
  } else if (access) body = children(access);
  return (
    <Section level="h2" gap="M" title={title} idPrefix={idPrefix}>
      <Body1 as="p" className={styles.intro}>
        {intro}
      </Body1>
      {body}
    </Section>
  );
}
