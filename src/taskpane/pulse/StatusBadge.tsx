/**
 * A check's status as a word in a coloured badge (OK green, Watch amber, Act red, Not set and
 * Too few reps grey) with an icon: the word carries the meaning, so colour is never the only cue.
 */
import type { ReactElement } from "react";
import { Badge } from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  ErrorCircleRegular,
  PeopleRegular,
  QuestionCircleRegular,
  WarningRegular,
} from "@fluentui/react-icons";
import type { PulseStatus } from "../../engine/pulseChecks";

const LOOK: Record<
  PulseStatus,
  { color: "success" | "warning" | "danger" | "informative" | "subtle"; icon: ReactElement }
> = {
  OK: { color: "success", icon: <CheckmarkCircleRegular /> },
  Watch: { color: "warning", icon: <WarningRegular /> },
  Act: { color: "danger", icon: <ErrorCircleRegular /> },
  "Not set": { color: "informative", icon: <QuestionCircleRegular /> },
  "Too few reps": { color: "subtle", icon: <PeopleRegular /> },
};

export function StatusBadge({ status }: { status: PulseStatus }) {
  const { color, icon } = LOOK[status];
  return (
    <Badge appearance="tint" color={color} icon={icon} shape="rounded">
      {status}
    </Badge>
  );
}
