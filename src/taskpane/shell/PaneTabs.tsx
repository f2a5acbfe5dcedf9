/**
 * The pane's tab list on one row at any width (Excel's task pane is 320–350 px): each tab has
 * an icon with its label; in a narrow pane the icon sits above a smaller label, so the five tabs
 * fit 320 px without wrapping, scrolling or hiding a tab (the "icons with labels"
 * option; no overflow menu to open). Arrow keys move between tabs (Fluent TabList).
 */
import type { ReactElement } from "react";
import { Tab, TabList, makeStyles, tokens, type SelectTabData } from "@fluentui/react-components";

export interface PaneTab<V extends string> {
  value: V;
  label: string;
  icon: ReactElement;
  /** id of the tab element (the panel's aria-labelledby). */
  id: string;
  /** id of the panel it controls. */
  controls: string;
}

export interface PaneTabsProps<V extends string> {
  tabs: readonly PaneTab<V>[];
  selected: V;
  onSelect: (value: V) => void;
  label: string;
}

/**
 * Below this pane width the tabs stack the icon above a smaller label. A container query on the
 * pane's own width (not the window's): in Excel the pane is the whole window, in the playground
 * it is a column beside the workbook preview.
 */
export const NARROW_PANE_PX = 480;
const narrow = `@container (max-width: ${NARROW_PANE_PX}px)`;

const useStyles = makeStyles({
  frame: { containerType: "inline-size" },
  tabs: {
    flexWrap: "nowrap",
    paddingInline: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [narrow]: { justifyContent: "space-between", paddingInline: 0 },
  },
  tab: {
    flexShrink: 0,
    [narrow]: {
      // Fluent lays a tab out as a grid (icon | label, sized by a bold copy of the label):
      // stack the icon above a smaller label instead.
      display: "flex",
      flexDirection: "column",
      alignItems: "center",
      rowGap: "2px",
      minWidth: 0,
      paddingInline: tokens.spacingHorizontalXS,
      paddingBlock: tokens.spacingVerticalXS,
      "& .fui-Tab__content": {
        fontSize: tokens.fontSizeBase100,
        lineHeight: tokens.lineHeightBase100,
        paddingInline: 0,
      },
      "& .fui-Tab__content--reserved-space": { display: "none" },
    },
  },
});

export function PaneTabs<V extends string>({ tabs, selected, onSelect, label }: PaneTabsProps<V>) {
  const styles = useStyles();
  return (
    <div className={styles.frame}>
      <TabList
        className={styles.tabs}
        selectedValue={selected}
        onTabSelect={(_, data: SelectTabData) => onSelect(data.value as V)}
        aria-label={label}
        size="small"
      >
        {tabs.map((tab) => (
          <Tab
            key={tab.value}
            className={styles.tab}
            value={tab.value}
            id={tab.id}
            aria-controls={tab.controls}
            icon={tab.icon}
          >
            {tab.label}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}
