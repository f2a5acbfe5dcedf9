/**
 * The playground: the task pane (the real App, unchanged) on an in-memory workbook, a banner
 * saying this is a playground and how to load the add-in into Excel, and beside the pane a
 * read-only preview of the workbook's sheets, so every action of the pane visibly adds or
 * refreshes sheets. Shown when the task pane is opened outside Office. Follows the page's
 * prefers-color-scheme (Fluent's light or dark theme), with a Dark theme switch in the banner.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  Switch,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { MemoryWorkbook, Selection } from "../../workbook/memory";
import { App } from "../App";
import { memoryWorkbookAccess } from "./playgroundWorkbook";
import { SheetPreview } from "./SheetPreview";

export interface PlaygroundShellProps {
  book: MemoryWorkbook;
  /** The workbook started empty (`?empty=1`) rather than with the sample. */
  empty?: boolean;
  /** Writes and downloads the workbook as .xlsx (default: through the exceljs adapter, loaded on demand). */
  download?: (book: MemoryWorkbook) => Promise<void>;
  /** Quiet time after an edit before the pane re-checks (Excel's default when omitted). */
  debounceMs?: number;
}

const loadExport = () => import(/* webpackChunkName: "xlsx-export" */ "./exportXlsx");
const defaultDownload = async (book: MemoryWorkbook) => (await loadExport()).downloadWorkbook(book);

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground3,
    display: "grid",
    gridTemplateColumns: "minmax(320px, 420px) minmax(0, 1fr)",
    gridTemplateRows: "auto 1fr",
    gridTemplateAreas: `"banner banner" "pane preview"`,
    "@media (max-width: 860px)": {
      gridTemplateColumns: "minmax(0, 1fr)",
      gridTemplateAreas: `"banner" "pane" "preview"`,
    },
  },
  banner: {
    gridArea: "banner",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  bannerBody: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  line: { margin: 0 },
  pane: {
    gridArea: "pane",
    minWidth: 0,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
  },
  preview: {
    gridArea: "preview",
    minWidth: 0,
    alignSelf: "start",
    position: "sticky",
    top: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
});

/** The page's colour scheme (prefers-color-scheme), followed until the switch overrides it. */
function usePrefersDark(): [boolean, (dark: boolean) => void] {
  const query = "(prefers-color-scheme: dark)";
  const media =
    typeof window !== "undefined" && window.matchMedia ? window.matchMedia(query) : null;
  const [dark, setDark] = useState(() => media?.matches ?? false);
  const [chosen, setChosen] = useState(false);
  useEffect(() => {
    if (!media || chosen) return;
    const follow = (e: MediaQueryListEvent) => setDark(e.matches);
    media.addEventListener?.("change", follow);
    return () => media.removeEventListener?.("change", follow);
  }, [media, chosen]);
  return [
    dark,
    (value: boolean) => {
      setChosen(true);
      setDark(value);
    },
  ];
}

export function PlaygroundShell({
  book,
  empty = false,
  download,
  debounceMs,
}: PlaygroundShellProps) {
  const styles = useStyles();
  const [selection, setSelection] = useState<(Selection & { seq: number }) | null>(null);
  const lastSelection = useRef<string | null>(null);
  const seq = useRef(0);

  const access = useMemo(
    () =>
      memoryWorkbookAccess(book, {
        debounceMs,
        // After every action: if it selected a cell, the preview shows it.
        afterRun: () => {
          const now = book.selection;
          const key = now && `${now.sheet}!${now.range}`;
          if (!now || key === lastSelection.current) return;
          lastSelection.current = key;
          setSelection({ ...now, seq: ++seq.current });
        },
      }),
    [book, debounceMs]
  );
  const onDownload = useMemo(() => () => (download ?? defaultDownload)(book), [book, download]);

  const [dark, setDark] = usePrefersDark();
  const theme = dark ? webDarkTheme : webLightTheme;
  return (
    <FluentProvider theme={theme}>
      <div className={styles.root}>
        <section className={styles.banner} aria-label="About this playground">
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody className={styles.bannerBody}>
              <MessageBarTitle>Playground: CompAlign outside Excel</MessageBarTitle>
              <Switch label="Dark theme" checked={dark} onChange={(_, d) => setDark(d.checked)} />
              <p className={styles.line}>
                {empty
                  ? "The pane works on an empty in-memory workbook, shown on the right; nothing leaves this page. "
                  : "The pane works on an in-memory copy of the demo sample (360 reps, 3 plans, 3 scenarios), shown on the right; nothing leaves this page. "}
                {empty ? (
                  <Link href="?">Start from the sample instead</Link>
                ) : (
                  <Link href="?empty=1">Start from an empty workbook</Link>
                )}
                .
              </p>
              <p className={styles.line}>
                To use CompAlign on your own workbooks, load the add-in into Excel: on Windows or
                Mac run <code>npm start</code>; in Excel on the web run{" "}
                <code>npm run dev-server</code>, then Home › Add-ins › More Add-ins › Upload My
                Add-in and upload <code>manifest.xml</code> (README, “Load the add-in into Excel”).
              </p>
            </MessageBarBody>
          </MessageBar>
        </section>
        <div className={styles.pane}>
          <App theme={theme} workbook={access} />
        </div>
        <aside className={styles.preview} aria-label="Workbook preview">
          <SheetPreview book={book} selection={selection} onDownload={onDownload} />
        </aside>
      </div>
    </FluentProvider>
  );
}

export default PlaygroundShell;
