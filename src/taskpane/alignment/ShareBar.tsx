/**
 * One horizontal bar: a text label, the bar, and its value. Exposed as one image whose name
 * says all of it, so a screen reader reads "Grow cloud: pay share 45%" once.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { barWidth, formatShare } from "./format";

export interface ShareBarProps {
  objective: string;
  /** "Priority" or "Pay". */
  label: string;
  share: number;
  tone: "priority" | "pay";
}

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "4.5em 1fr 3.5em",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  label: { color: tokens.colorNeutralForeground2 },
  track: {
    height: "10px",
    borderRadius: tokens.borderRadiusSmall,
    // Stroke2 reads as a track in both themes (Background5 is pure black in the dark one).
    backgroundColor: tokens.colorNeutralStroke2,
    overflow: "hidden",
  },
  fill: { height: "100%", borderRadius: tokens.borderRadiusSmall },
  priority: { backgroundColor: tokens.colorNeutralForeground3 },
  pay: { backgroundColor: tokens.colorBrandBackground },
  value: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

export function ShareBar({ objective, label, share, tone }: ShareBarProps) {
  const styles = useStyles();
  const value = formatShare(share);
  return (
    <div
      role="img"
      aria-label={`${objective}: ${label.toLowerCase()} share ${value}`}
      className={styles.root}
    >
      <span className={styles.label}>{label}</span>
      <span className={styles.track}>
        <span
          className={mergeClasses(styles.fill, styles[tone])}
          style={{ display: "block", width: barWidth(share) }}
        />
      </span>
      <span className={styles.value}>{value}</span>
    </div>
  );
}
