/**
 * The playground's read-only preview of the in-memory workbook: one tab per sheet (in tab
 * order, CompAlign's reports marked), the selected sheet as a grid, and "Download .xlsx". It
 * follows the workbook: when an action adds or rewrites sheets it shows the one to look at
 * (the last report written, or the first sheet added), when the pane selects a cell ("Go to
 * Matrix!E2") it shows and outlines that cell, and a polite live region says what changed.
 */
import { useEffect, useState } from "react";
import {
  Badge,
  Body1,
  Caption1,
  Subtitle2,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useId,
  type SelectTabData,
} from "@fluentui/react-components";
import type { MemoryWorkbook, Selection } from "../../workbook/memory";
import { visuallyHidden } from "../shared/visuallyHidden";
import { DownloadButton } from "./DownloadButton";
import { SheetGrid } from "./SheetGrid";
import { describeBurst, sheetToShow, useBookSheets } from "./useBookSheets";

export interface SheetPreviewProps {
  book: MemoryWorkbook;
  /** What the pane last selected (`select("Matrix!E2")`), with a sequence number; null for none. */
  selection: (Selection & { seq: number }) | null;
  /** Writes and downloads the .xlsx. */
  onDownload: () => Promise<void>;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  heading: { margin: 0 },
  legend: { margin: 0, color: tokens.colorNeutralForeground2 },
  tabs: { flexWrap: "wrap" },
  tabLabel: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
  status: visuallyHidden,
});

const lower = (s: string) => s.toLowerCase();

export function SheetPreview({ book, selection, onDownload }: SheetPreviewProps) {
  const styles = useStyles();
  const idBase = useId("preview-");
  const headingId = `${idBase}heading`;
  const { names, owned, version, burst } = useBookSheets(book);
  const [current, setCurrent] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  // Bring into view what the last burst of changes added, rewrote or edited.
  useEffect(() => {
    if (!burst) return;
    const show = sheetToShow(burst.changes);
    if (show) setCurrent(show);
    setStatus(describeBurst(burst.changes));
  }, [burst]);

  // Follow the pane's "Go to cell".
  useEffect(() => {
    if (!selection) return;
    setCurrent(selection.sheet);
    setStatus(`Selected ${selection.sheet}!${selection.range}.`);
  }, [selection]);

  const shown =
    names?.find((n) => current !== null && lower(n) === lower(current)) ?? names?.[0] ?? null;
  const shownIndex = shown && names ? names.indexOf(shown) : -1;
  const sheet = shown ? book.sheet(shown) : undefined;
  const tabId = (i: number) => `${idBase}tab-${i}`;
  const outlined =
    selection && shown && lower(selection.sheet) === lower(shown) ? selection.range : null;

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          Workbook preview
        </Subtitle2>
        <DownloadButton onDownload={onDownload} disabled={!names || names.length === 0} />
      </div>
      <Caption1 as="p" className={styles.legend}>
        Read-only. Sheets marked CompAlign are reports the add-in wrote and owns; the others belong
        to you.
      </Caption1>
      {names === null ? null : names.length === 0 ? (
        <Body1 as="p" className={styles.empty}>
          The workbook has no sheets yet. Set up workbook (Alignment or Scenarios tab) adds them
          with a starter plan; Insert sample data (Scenarios tab) adds a finished example.
        </Body1>
      ) : (
        <>
          <TabList
            className={styles.tabs}
            size="small"
            aria-label="Sheets"
            selectedValue={shown ?? undefined}
            onTabSelect={(_, data: SelectTabData) => setCurrent(String(data.value))}
          >
            {names.map((name, i) => (
              <Tab
                key={name}
                value={name}
                id={tabId(i)}
                aria-controls={`${idBase}panel`}
                data-sheet={name}
              >
                <span className={styles.tabLabel}>
                  {name}
                  {owned.has(lower(name)) && (
                    <>
                      <span className={styles.status}> (CompAlign report)</span>
                      <Badge size="small" appearance="tint" color="brand" aria-hidden="true">
                        CompAlign
                      </Badge>
                    </>
                  )}
                </span>
              </Tab>
            ))}
          </TabList>
          <div
            role="tabpanel"
            id={`${idBase}panel`}
            aria-labelledby={shownIndex >= 0 ? tabId(shownIndex) : undefined}
            data-version={version}
          >
            {sheet && (
              <SheetGrid
                key={sheet.name}
                sheet={sheet}
                version={version}
                owned={owned.has(lower(sheet.name))}
                selected={outlined}
                labelledBy={shownIndex >= 0 ? tabId(shownIndex) : undefined}
              />
            )}
          </div>
        </>
      )}
      <p role="status" aria-live="polite" className={styles.status}>
        {status}
      </p>
    </div>
  );
}
