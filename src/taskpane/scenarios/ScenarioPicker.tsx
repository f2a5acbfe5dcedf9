/**
 * The scenarios on the Scenarios sheet, each with a checkbox to run it or not. Baseline (the plan
 * as it is) is not a choice: it always runs first, so every scenario has something to compare
 * with, and the list says so.
 */
import { Body1, Checkbox, makeStyles, tokens, useId } from "@fluentui/react-components";
import { nameKey } from "../../engine/nameKey";
import { Section } from "../shared/Section";

export interface ScenarioPickerProps {
  scenarios: readonly string[];
  /** Lower-case names the user unticked. */
  unchecked: readonly string[];
  disabled: boolean;
  onChange: (name: string, checked: boolean) => void;
}

const useStyles = makeStyles({
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { display: "flex", flexDirection: "column" },
  box: { overflowWrap: "anywhere" },
});

export function ScenarioPicker({ scenarios, unchecked, disabled, onChange }: ScenarioPickerProps) {
  const styles = useStyles();
  const noteId = useId("scenario-picker-note-");
  return (
    <Section title="Scenarios to run" heading="group" gap="XS" idPrefix="scenario-picker-">
      {(headingId) => (
        <>
          <Body1 as="p" id={noteId} className={styles.note}>
            Baseline, the plan as it is today, always runs first so each scenario is compared with
            it.
          </Body1>
          {scenarios.length === 0 ? (
            <Body1 as="p" className={styles.note}>
              The Scenarios sheet has no scenario that can run yet, so a run computes Baseline only.
              Add a change below, or select Insert sample data for an example with five scenarios to
              try.
            </Body1>
          ) : (
            <div
              role="group"
              aria-labelledby={headingId}
              aria-describedby={noteId}
              className={styles.list}
            >
              {scenarios.map((name) => (
                <Checkbox
                  key={name}
                  className={styles.box}
                  label={name}
                  checked={!unchecked.includes(nameKey(name))}
                  disabled={disabled}
                  onChange={(_, data) => onChange(name, data.checked === true)}
                />
              ))}
            </div>
          )}
        </>
      )}
    </Section>
  );
}
