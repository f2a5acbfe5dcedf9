/**
 * The task pane shell: a header saying what CompAlign is, and tabs for Alignment, Scenarios,
 * Communicate (plan on a page) and Pulse (on the workbook it is given) and Functions (the COMP
 * reference). Panels stay mounted once shown; the ones not selected are hidden, so each tab can
 * point at its panel. Scenarios, Communicate and Pulse are first rendered when their tab is first
 * selected, so their code and their workbook reads wait until someone uses them.
 */
import { useMemo, useState, type ReactElement } from "react";
import {
  Body1,
  FluentProvider,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  useId,
  type SelectTabData,
  type Theme,
} from "@fluentui/react-components";
import { catalog, NAMESPACE } from "../functions/catalog";
import type { FunctionSpec } from "../functions/spec";
import { AlignmentTab } from "./AlignmentTab";
import { FunctionsTab } from "./FunctionsTab";
import { CommunicateTab } from "./CommunicateTab";
import { PulseTab } from "./PulseTab";
import { ScenariosTab } from "./ScenariosTab";
import { appendScenarioRow } from "./scenarios/appendScenarioRow";
import type { ScenarioRow } from "./scenarios/scenarioRow";
import { currentOfficeTheme, fluentThemeFor } from "./theme";
import { WorkbookProvider, type WorkbookAccess } from "./workbookAccess";

export type TabValue = "alignment" | "scenarios" | "communicate" | "pulse" | "functions";

export interface AppProps {
  /** Fluent theme; defaults to the one matching Office's theme (light outside Office). */
  theme?: Theme;
  /**
   * The workbook the Alignment and Scenarios tabs work on (in Excel: `officeWorkbookAccess()`);
   * none outside Excel, where those tabs say their actions need Excel.
   */
  workbook?: WorkbookAccess | null;
  /** Tab shown first: Alignment when there is a workbook, else Functions. */
  defaultTab?: TabValue;
  functions?: readonly Pick<FunctionSpec, "name" | "description" | "params" | "example">[];
  namespace?: string;
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  title: { margin: 0, color: tokens.colorBrandForeground1 },
  tagline: { margin: 0, color: tokens.colorNeutralForeground2 },
  // Task panes can be ~320 px wide: small text-only tabs fit; wrap rather than scroll if not.
  tabs: { paddingInline: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  panel: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXL}`,
  },
});

export function App({
  theme,
  workbook = null,
  defaultTab = workbook ? "alignment" : "functions",
  functions = catalog,
  namespace = NAMESPACE,
}: AppProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState<TabValue>(defaultTab);
  const [shown, setShown] = useState<ReadonlySet<TabValue>>(() => new Set([defaultTab]));
  const idBase = useId("compalign-");
  const resolvedTheme = theme ?? fluentThemeFor(currentOfficeTheme());

  // The Scenarios sheet belongs to the user: rows are added only where the workbook can.
  const addScenarioRow = useMemo(
    () =>
      workbook?.canAppendRows
        ? (row: ScenarioRow) => workbook.run((book) => appendScenarioRow(book, row))
        : undefined,
    [workbook]
  );

  const select = (tab: TabValue) => {
    setSelected(tab);
    setShown((s) => (s.has(tab) ? s : new Set([...s, tab])));
  };

  const tabs: { value: TabValue; label: string; panel: ReactElement; onFirstShow?: boolean }[] = [
    {
      value: "alignment",
      label: "Alignment",
      panel: <AlignmentTab />,
    },
    {
      value: "scenarios",
      label: "Scenarios",
      panel: <ScenariosTab onAddRow={addScenarioRow} onShowAlignment={() => select("alignment")} />,
      onFirstShow: true,
    },
    { value: "communicate", label: "Communicate", panel: <CommunicateTab />, onFirstShow: true },
    { value: "pulse", label: "Pulse", panel: <PulseTab />, onFirstShow: true },
    {
      value: "functions",
      label: "Functions",
      panel: <FunctionsTab namespace={namespace} functions={functions} />,
    },
  ];

  return (
    <FluentProvider theme={resolvedTheme} className={styles.provider}>
      <WorkbookProvider access={workbook}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            CompAlign
          </Title3>
          <Body1 as="p" className={styles.tagline}>
            Sales-compensation plan design in Excel: {namespace} formulas for attainment, payout
            curves and commission.
          </Body1>
        </header>
        <main>
          <TabList
            className={styles.tabs}
            selectedValue={selected}
            onTabSelect={(_, data: SelectTabData) => select(data.value as TabValue)}
            aria-label="CompAlign sections"
            size="small"
          >
            {tabs.map((tab) => (
              <Tab
                key={tab.value}
                value={tab.value}
                id={`${idBase}tab-${tab.value}`}
                aria-controls={`${idBase}panel-${tab.value}`}
              >
                {tab.label}
              </Tab>
            ))}
          </TabList>
          {tabs.map((tab) => (
            <div
              key={tab.value}
              role="tabpanel"
              id={`${idBase}panel-${tab.value}`}
              aria-labelledby={`${idBase}tab-${tab.value}`}
              hidden={tab.value !== selected}
              tabIndex={0}
              className={styles.panel}
            >
              {!tab.onFirstShow || shown.has(tab.value) ? tab.panel : null}
            </div>
          ))}
        </main>
      </WorkbookProvider>
    </FluentProvider>
  );
}
