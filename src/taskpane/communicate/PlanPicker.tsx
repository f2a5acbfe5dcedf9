/** Which plan's page to show: a labelled native select (the plans in Matrix order). */
import { Field, Select } from "@fluentui/react-components";

export interface PlanPickerProps {
  plans: readonly string[];
  selected: string | null;
  onChange: (plan: string) => void;
}

export function PlanPicker({ plans, selected, onChange }: PlanPickerProps) {
  return (
    <Field label="Plan" hint={`${plans.length} ${plans.length === 1 ? "plan" : "plans"} in Matrix`}>
      <Select value={selected ?? ""} onChange={(_, data) => onChange(data.value)}>
        {plans.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </Select>
    </Field>
  );
}
