/**
 * A titled part of the pane: a `<section>` (or `<article>`) labelled by its heading, its
 * children stacked under it. The heading is a subtitle at the level given (h2 for a tab, h3 for
 * a part of it, h4 inside that) or, for a titled list, a small semibold GroupHeading with an
 * optional icon. Children given as a function get the heading's id, for a list or meter that
 * the same heading labels.
 */
import { Subtitle2, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { GroupHeading } from "./GroupHeading";
import { stack } from "./styles";

export type SectionGap = "XXS" | "XS" | "S" | "M" | "L";

export interface SectionProps {
  title: ReactNode;
  level?: "h2" | "h3" | "h4";
  /** "group": the small heading of a titled list (GroupHeading), with `icon` before it. */
  heading?: "subtitle" | "group";
  icon?: ReactNode;
  /** Space between the heading and each child. */
  gap?: SectionGap;
  as?: "section" | "article";
  /** Prefix of the heading's generated id. */
  idPrefix?: string;
  className?: string;
  "aria-busy"?: boolean;
  children: ReactNode | ((headingId: string) => ReactNode);
}

const useStyles = makeStyles({
  XXS: stack(tokens.spacingVerticalXXS),
  XS: stack(tokens.spacingVerticalXS),
  S: stack(tokens.spacingVerticalS),
  M: stack(tokens.spacingVerticalM),
  L: stack(tokens.spacingVerticalL),
  heading: { margin: 0 },
});

export function Section({
  title,
  level = "h3",
  heading = "subtitle",
  icon,
  gap = "S",
  as: Element = "section",
  idPrefix = "section-",
  className,
  "aria-busy": busy,
  children,
}: SectionProps) {
  const styles = useStyles();
  const headingId = useId(idPrefix);
  return (
    <Element
      className={mergeClasses(styles[gap], className)}
      aria-labelledby={headingId}
      aria-busy={busy}
    >
      {heading === "group" ? (
        <GroupHeading id={headingId} as={level === "h4" ? "h4" : "h3"} icon={icon}>
          {title}
        </GroupHeading>
      ) : (
        <Subtitle2 as={level} id={headingId} className={styles.heading}>
          {title}
        </Subtitle2>
      )}
      {typeof children === "function" ? children(headingId) : children}
    </Element>
  );
}
