/**
 * The Alignment tab: set up the CompAlign input sheets, check the Goal Alignment Matrix against
 * strategy, and write the Alignment View sheet. Works on the workbook from `useWorkbook()`;
 * without one (outside Excel) it says the actions need Excel.
 */
import { Body1, Subtitle2, makeStyles, tokens, useId } from "@fluentui/react-components";
import { AlignmentWorkspace } from "./alignment/AlignmentWorkspace";
import { NeedsExcel } from "./alignment/NeedsExcel";
import { useWorkbook } from "./workbookAccess";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  intro: { margin: 0 },
});

export function AlignmentTab() {
  const styles = useStyles();
  const access = useWorkbook();
  const headingId = useId("alignment-heading-");
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        Goal alignment matrix
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        Does the plan pay for what strategy says matters? Each objective&apos;s share of priority
        next to its share of target incentive, and every problem in the design, before a rep is
        paid.
      </Body1>
      {access ? <AlignmentWorkspace access={access} /> : <NeedsExcel />}
    </section>
  );
}
