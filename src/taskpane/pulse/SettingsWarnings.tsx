/** Problems reading the Pulse Settings sheet (defaults were used instead), one per line. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { Notice } from "../shared/Notice";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { overflowWrap: "anywhere" },
});

export function SettingsWarnings({ warnings }: { warnings: readonly string[] }) {
  const styles = useStyles();
  return (
    <Notice
      intent="warning"
      title={`Pulse Settings: ${warnings.length} ${warnings.length === 1 ? "problem" : "problems"}`}
      next="Fix them in the Pulse Settings sheet; until then the defaults are used."
    >
      <ul className={styles.list}>
        {warnings.map((w) => (
          <li key={w} className={styles.item}>
            {w}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
