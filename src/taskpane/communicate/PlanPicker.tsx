/** Which plan's page to show: a labelled native select (the plans in Matrix order). */
import { Field, Select, makeStyles } from "@fluentui/react-components";
import { fitControl, fitField } from "../shared/styles";

export interface PlanPickerProps {
  plans: readonly string[];
  selected: string | null;
  onChange: (plan: string) => void;
}

const useStyles = makeStyles({ field: fitField, control: fitControl });

export function PlanPicker({ plans, selected, onChange }: PlanPickerProps) {
  const styles = useStyles();
  return (
    <Field
      className={styles.field}
      label="Plan"
      hint={`${plans.length} ${plans.length === 1 ? "plan" : "plans"} in Matrix`}
    >
      <Select
        className={styles.control}
        select={{ className: styles.control }}
        value={selected ?? ""}
        onChange={(_, data) => onChange(data.value)}
      >
        {plans.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </Select>
    </Field>
  );
}
