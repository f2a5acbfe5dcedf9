/** Problems reading the Pulse Settings sheet (defaults were used instead), one per line. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { problemLine, type Problem } from "../../engine/problem";
import { Notice } from "../shared/Notice";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { overflowWrap: "anywhere" },
});

export function SettingsWarnings({ warnings }: { warnings: readonly Problem[] }) {
  const styles = useStyles();
  return (
    <Notice
      intent="warning"
      title={`Pulse Settings: ${warnings.length} ${warnings.length === 1 ? "problem" : "problems"}`}
      next="Fix them in the Pulse Settings sheet; until then the defaults are used."
    >
      <ul className={styles.list}>
        {warnings.map((w, i) => (
          <li key={i} className={styles.item}>
            {problemLine(w)}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
