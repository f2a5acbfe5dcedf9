/**
 * A tab whose feature ships in a later release: says plainly what it will do, and offers no
 * controls until it does.
 */
import { Badge, Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

export interface PlaceholderTabProps {
  heading: string;
  /** What the feature will do, in a sentence or two. */
  summary: string;
  /** A few concrete things it will show or write. */
  details: readonly string[];
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
  },
  heading: { margin: 0 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  note: { color: tokens.colorNeutralForeground3 },
});

export function PlaceholderTab({ heading, summary, details }: PlaceholderTabProps) {
  const styles = useStyles();
  return (
    <section className={styles.root}>
      <Subtitle2 as="h2" className={styles.heading}>
        {heading}
      </Subtitle2>
      <Badge appearance="tint" color="informative">
        Coming in a later release
      </Badge>
      <Body1 as="p">{summary}</Body1>
      <ul className={styles.list}>
        {details.map((detail) => (
          <li key={detail}>
            <Body1>{detail}</Body1>
          </li>
        ))}
      </ul>
      <Body1 as="p" className={styles.note}>
        The COMP worksheet functions work today: see the Functions tab.
      </Body1>
    </section>
  );
}
