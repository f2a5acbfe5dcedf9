/**
 * Scenarios that cannot run, each with the engine's reason and a button to the Scenarios row
 * it points at. They are skipped; the others still run.
 */
import { Body1, makeStyles, tokens, useId } from "@fluentui/react-components";
import { ErrorCircleRegular } from "@fluentui/react-icons";
import { GroupHeading } from "../shared/GroupHeading";
import { GoToCell } from "./GoToCell";
import type { InvalidScenario } from "./listing";
import { useIssueListStyles } from "./issueListStyles";
import { withLabels } from "../shared/labels";

export interface InvalidScenariosProps {
  scenarios: readonly InvalidScenario[];
  onSelect: (cell: string) => void;
  /** Heading level: "h3" in the list, "h4" inside the results. */
  as?: "h3" | "h4";
}

const useIconStyles = makeStyles({ icon: { color: tokens.colorStatusDangerForeground1 } });

export function InvalidScenarios({ scenarios, onSelect, as }: InvalidScenariosProps) {
  const styles = { ...useIssueListStyles(), ...useIconStyles() };
  const headingId = useId("invalid-scenarios-");
  if (scenarios.length === 0) return null;
  return (
    <div className={styles.root}>
      <GroupHeading
        id={headingId}
        as={as}
        icon={<ErrorCircleRegular aria-hidden="true" className={styles.icon} />}
      >
        Cannot run ({scenarios.length})
      </GroupHeading>
      <Body1 as="p" className={styles.note}>
        These are skipped; the other scenarios still run. Fix the row in the Scenarios sheet, then
        select Refresh list.
      </Body1>
      <ul className={styles.list} aria-labelledby={headingId}>
        {scenarios.map((s, i) => (
          <li key={`${s.name}|${i}`} className={styles.item}>
            <span className={styles.name}>{s.name}</span>: {withLabels(s.reason)}
            {s.cell && (
              <div>
                <GoToCell cell={s.cell} about={s.name} onSelect={onSelect} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
