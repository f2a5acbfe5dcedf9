/**
 * The task pane shell: a compact header (the name and one short line), and tabs on one row
 * (src/taskpane/shell/PaneTabs.tsx: icons with labels, an overflow menu when narrow) for Alignment, Scenarios,
 * Communicate (plan on a page) and Pulse (on the workbook it is given) and Functions (the COMP
 * reference). Panels stay mounted once shown; the ones not selected are hidden, so each tab can
 * point at its panel. Scenarios, Communicate and Pulse are first rendered when their tab is first
 * selected, so their code and their workbook reads wait until someone uses them.
 */
import { useMemo, useState, type ReactElement } from "react";
import {
  Caption1,
  FluentProvider,
  Subtitle1,
  makeStyles,
  tokens,
  useId,
  type Theme,
} from "@fluentui/react-components";
import {
  BranchForkRegular,
  HeartPulseRegular,
  MathFormulaRegular,
  MegaphoneRegular,
  TargetArrowRegular,
} from "@fluentui/react-icons";
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
import { PaneTabs } from "./shell/PaneTabs";

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
  // The background only: Fluent puts the provider's classes on the portal nodes of popups too
  // (absolutely placed at the top of the page), so a min-height here covered the header and the
  // tabs, and took their clicks, once a dropdown had opened. The pane's height is FULL_HEIGHT.
  provider: { backgroundColor: tokens.colorNeutralBackground2 },
  // Compact: the product's name and one short line on one row (it wraps only when it must).
  header: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXS}`,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, color: tokens.colorBrandForeground1 },
  tagline: { margin: 0, color: tokens.colorNeutralForeground2 },
  panel: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXL}`,
    // Names come from the user's sheets and may be long words ("EnterpriseAccountExecutive…
    // FY2027Plan"): any text may break anywhere rather than push the pane wider than 320 px.
    overflowWrap: "anywhere",
  },
});

/** The pane fills the window: an inline style, which Fluent does not copy onto portal nodes. */
const FULL_HEIGHT = { minHeight: "100vh" } as const;

/** Each tab's icon, shown with its label (and in the overflow menu). */
const TAB_ICONS: Record<TabValue, ReactElement> = {
  alignment: <TargetArrowRegular />,
  scenarios: <BranchForkRegular />,
  communicate: <MegaphoneRegular />,
  pulse: <HeartPulseRegular />,
  functions: <MathFormulaRegular />,
};

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
    <FluentProvider theme={resolvedTheme} className={styles.provider} style={FULL_HEIGHT}>
      <WorkbookProvider access={workbook}>
        <header className={styles.header}>
          <Subtitle1 as="h1" className={styles.title}>
            CompAlign
          </Subtitle1>
          <Caption1 as="p" className={styles.tagline}>
            Sales-comp plans that follow strategy
          </Caption1>
        </header>
        <main>
          <PaneTabs
            tabs={tabs.map((tab) => ({
              value: tab.value,
              label: tab.label,
              icon: TAB_ICONS[tab.value],
              id: `${idBase}tab-${tab.value}`,
              controls: `${idBase}panel-${tab.value}`,
            }))}
            selected={selected}
            onSelect={select}
            label="CompAlign sections"
          />
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
