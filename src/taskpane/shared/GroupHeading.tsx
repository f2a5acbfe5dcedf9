/**
 * The heading of a titled list in the pane ("Errors (2)", "Cannot run (1)"): an optional icon
 * before the text, sized like body text, semibold; the list points at it by `id`.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface GroupHeadingProps {
  id: string;
  as?: "h3" | "h4";
  /** Shown before the text; hidden from screen readers by the caller. */
  icon?: ReactNode;
  children: ReactNode;
}

const useStyles = makeStyles({
  heading: {
    margin: 0,
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function GroupHeading({ id, as: Heading = "h3", icon, children }: GroupHeadingProps) {
  const styles = useStyles();
  return (
    <Heading id={id} className={styles.heading}>
      {icon}
      {children}
    </Heading>
  );
}
