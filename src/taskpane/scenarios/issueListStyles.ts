/** Styles shared by the Scenarios tab's titled issue lists (data issues, invalid scenarios). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useIssueListStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: { overflowWrap: "anywhere" },
  name: { fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});
