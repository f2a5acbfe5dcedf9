/**
 * The pulse checks as a list, in the order given (the tab gives them worst first: Act, Watch, OK): each check's name (a heading), its status
 * as a word in a coloured badge, the measured value against its band, and what to do.
 */
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { PulseCheck } from "../../engine/pulseChecks";
import { formatPulseValue } from "../../reports/pulseSheet";
import { StatusBadge } from "./StatusBadge";

export interface PulseChecksListProps {
  checks: readonly PulseCheck[];
  /** The list's accessible name, e.g. "Pulse checks, Q1 2026". */
  label: string;
}

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  figure: { margin: 0, fontVariantNumeric: "tabular-nums" },
  value: { fontWeight: tokens.fontWeightSemibold },
  band: { color: tokens.colorNeutralForeground2 },
  message: { margin: 0 },
});

export function PulseChecksList({ checks, label }: PulseChecksListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {checks.map((check) => (
        <li key={check.id} className={styles.item} data-check={check.id}>
          <div className={styles.head}>
            <h3 className={styles.title}>{check.title}</h3>
            <StatusBadge status={check.status} />
          </div>
          <Caption1 as="p" className={styles.figure}>
            <span className={styles.value}>{formatPulseValue(check.id, check.value)}</span>{" "}
            <span className={styles.band}>· healthy band {check.band}</span>
          </Caption1>
          <Body1 as="p" className={styles.message}>
            {check.message}
          </Body1>
        </li>
      ))}
    </ul>
  );
}
