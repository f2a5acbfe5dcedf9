/** Problems reading the Pulse Settings sheet (defaults were used instead), one per line. */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { problemLine, type Problem } from "../../engine/problem";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { overflowWrap: "anywhere" },
});

export function SettingsWarnings({ warnings }: { warnings: readonly Problem[] }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          Pulse Settings: {warnings.length} {warnings.length === 1 ? "problem" : "problems"}
        </MessageBarTitle>
        <ul className={styles.list}>
          {warnings.map((w, i) => (
            <li key={i} className={styles.item}>
              {problemLine(w)}
            </li>
          ))}
        </ul>
        Fix them in the Pulse Settings sheet; until then the defaults are used.
      </MessageBarBody>
    </MessageBar>
  );
}
