/**
 * A check's status as a word in a coloured badge (OK green, Watch amber, Act red) with an icon:
 * the word carries the meaning, so colour is never the only cue.
 */
import type { ReactElement } from "react";
import { Badge } from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  ErrorCircleRegular,
  WarningRegular,
} from "@fluentui/react-icons";
import type { PulseStatus } from "../../engine/pulseChecks";

const LOOK: Record<PulseStatus, { color: "success" | "warning" | "danger"; icon: ReactElement }> = {
  OK: { color: "success", icon: <CheckmarkCircleRegular /> },
  Watch: { color: "warning", icon: <WarningRegular /> },
  Act: { color: "danger", icon: <ErrorCircleRegular /> },
};

export function StatusBadge({ status }: { status: PulseStatus }) {
  const { color, icon } = LOOK[status];
  return (
    <Badge appearance="tint" color={color} icon={icon} shape="rounded">
      {status}
    </Badge>
  );
}
