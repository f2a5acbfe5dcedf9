/**
 * A tab's answer first: one framed card (a region named `label`, marked `data-summary` for the
 * layout tests) with a title and the lines under it, above the details.
 */
import { Subtitle2, makeStyles, mergeClasses } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { card } from "./styles";

export interface SummaryCardProps {
  /** The region's accessible name ("Pulse summary"). */
  label: string;
  /** The tab it summarises ("pulse"). */
  summary: string;
  title: ReactNode;
  level?: "h3" | "h4";
  /** Extra classes (a state's accent border). */
  className?: string;
  children: ReactNode;
}

const useStyles = makeStyles({
  card,
  title: { margin: 0 },
});

export function SummaryCard({
  label,
  summary,
  title,
  level = "h3",
  className,
  children,
}: SummaryCardProps) {
  const styles = useStyles();
  return (
    <section
      className={mergeClasses(styles.card, className)}
      aria-label={label}
      data-summary={summary}
    >
      <Subtitle2 as={level} className={styles.title}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}
