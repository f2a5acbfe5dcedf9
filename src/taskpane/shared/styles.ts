/**
 * Style objects the pane's views share, spread into a makeStyles slot: a vertical stack, a list
 * without bullets, the bordered card a tab's summary or an item sits in, and a field that fits
 * the pane whatever the length of the names it offers.
 */
import { tokens } from "@fluentui/react-components";

/** Children one under another, `rowGap` apart. */
export const stack = (rowGap: string) =>
  ({ display: "flex", flexDirection: "column", rowGap }) as const;

/** A list without bullets or indent, its items stacked `rowGap` apart. */
export const plainList = (rowGap: string) =>
  ({ listStyleType: "none", margin: 0, padding: 0, ...stack(rowGap) }) as const;

/** A thin rounded border on the card background. */
export const framed = {
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  backgroundColor: tokens.colorNeutralBackground1,
} as const;

/** A framed, padded stack: a tab's summary card, one function of the reference. */
export const card = {
  ...stack(tokens.spacingVerticalXS),
  ...framed,
  padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
} as const;

/**
 * A Field whose control may hold a long name from the user's sheets (a plan or scenario name of
 * 60+ characters without a space): its one column may be narrower than the control's content,
 * so a native select or a dropdown never pushes the pane wider than 320 px.
 */
export const fitField = { gridTemplateColumns: "minmax(0, 1fr)" } as const;

/** The control in a `fitField`: as wide as the pane allows, its text cut with an ellipsis. */
export const fitControl = { minWidth: 0, maxWidth: "100%" } as const;
