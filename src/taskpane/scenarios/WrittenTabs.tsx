/**
 * The tabs a run wrote (CompAlign's own sheets), each saying whether it is new or was refreshed
 * in place, with a button to show it.
 */
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { Section } from "../shared/Section";
import { cellAddress } from "../../model/sheetRows";
import type { WriteResult } from "../../workbook/port";
import { GoToCell } from "./GoToCell";

export interface WrittenTabsProps {
  sheets: readonly WriteResult[];
  onSelect: (cell: string) => void;
}

const useStyles = makeStyles({
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { overflowWrap: "anywhere" },
  how: { color: tokens.colorNeutralForeground3 },
});

export function WrittenTabs({ sheets, onSelect }: WrittenTabsProps) {
  const styles = useStyles();
  return (
    <Section
      title={`Tabs written (${sheets.length})`}
      heading="group"
      level="h4"
      gap="XS"
      idPrefix="written-tabs-"
    >
      {(headingId) => (
        <>
          <Body1 as="p" className={styles.note}>
            CompAlign owns these tabs and replaces them on the next run; your own sheets are never
            changed.
          </Body1>
          <ul className={styles.list} aria-labelledby={headingId}>
            {sheets.map((sheet) => (
              <li key={sheet.name} className={styles.item}>
                {sheet.name}{" "}
                <span className={styles.how}>
                  ({sheet.action === "created" ? "new" : "refreshed"})
                </span>
                <div>
                  <GoToCell
                    cell={cellAddress(sheet.name, 0, 0)}
                    about={sheet.name}
                    onSelect={onSelect}
                  />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
