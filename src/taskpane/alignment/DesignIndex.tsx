/**
 * The design alignment index as a large number with its plain meaning: how much of the target
 * incentive goes where strategy puts its priority (1.00 = pay follows priority exactly).
 */
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { Section } from "../shared/Section";
import { formatIndex, formatShare } from "./format";

export interface DesignIndexProps {
  /** From the engine; null when it cannot be computed or is not valid. */
  index: number | null;
  /** The plan has error findings: the index is not valid until they are fixed. */
  blockedByErrors?: number;
}

const useStyles = makeStyles({
  value: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    fontVariantNumeric: "tabular-nums",
  },
  meaning: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export function DesignIndex({ index, blockedByErrors = 0 }: DesignIndexProps) {
  const styles = useStyles();
  return (
    <Section title="Design alignment index" gap="XXS" idPrefix="design-index-">
      {(headingId) =>
        blockedByErrors > 0 ? (
          <Body1 as="p" className={styles.meaning}>
            Not valid until the errors are fixed: the plan has {blockedByErrors} error
            {blockedByErrors === 1 ? "" : "s"} (listed first below), and an index computed from it
            would not say where the money really points. Scenarios, pulse checks and plan pages wait
            for the same fixes.
          </Body1>
        ) : index === null ? (
          <Body1 as="p" className={styles.meaning}>
            Not available: it needs at least one objective with a priority above 0 and one plan
            component in Matrix.
          </Body1>
        ) : (
          <>
            <div
              role="meter"
              aria-labelledby={headingId}
              aria-valuemin={0}
              aria-valuemax={1}
              aria-valuenow={index}
              aria-valuetext={formatIndex(index)}
              className={styles.value}
            >
              {formatIndex(index)}
            </div>
            <Body1 as="p" className={styles.meaning}>
              {formatShare(index)} of target incentive is paid where strategy puts its priority
              (1.00 means pay follows priority exactly).
            </Body1>
          </>
        )
      }
    </Section>
  );
}
