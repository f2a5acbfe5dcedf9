/** Problems reading the Pulse Settings sheet (defaults were used instead), one per line. */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { overflowWrap: "anywhere" },
});

export function SettingsWarnings({ warnings }: { warnings: readonly string[] }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          Pulse Settings: {warnings.length} {warnings.length === 1 ? "problem" : "problems"}
        </MessageBarTitle>
        <ul className={styles.list}>
          {warnings.map((w) => (
            <li key={w} className={styles.item}>
              {w}
            </li>
          ))}
        </ul>
        Fix them in the Pulse Settings sheet; until then the defaults are used.
      </MessageBarBody>
    </MessageBar>
  );
}
