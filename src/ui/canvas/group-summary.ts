import type { CapacityView } from '../../engine';

/** What an Auto Scaling group's node shows, as primitives so an unchanged frame renders nothing. */
export interface GroupSummary {
  found: boolean;
  min: number;
  desired: number;
  max: number;
  inService: number;
  /** Launched and not registered yet (Pending). */
  booting: number;
  terminating: number;
  /** The first provider of the group the run knows; '' when none. */
  provider: string;
  targetCapacity: number;
  /** The provider's last CapacityProviderReservation (%), -1 before its first minute. */
  reservation: number;
  reservationM: number;
  reservationN: number;
  /** Its tasks waiting in PROVISIONING for capacity. */
  waitingTasks: number;
}

export function summarizeGroup(
  capacity: CapacityView | undefined,
  name: string,
  providers: readonly string[],
): GroupSummary {
  const group = capacity?.groups.find((g) => g.autoScalingGroupName === name);
  const provider =
    capacity?.providers.find((p) => p.autoScalingGroupName === name) ??
    capacity?.providers.find((p) => providers.includes(p.name));
  let inService = 0;
  let booting = 0;
  let terminating = 0;
  for (const i of group?.instances ?? []) {
    if (i.lifecycleState === 'InService') inService++;
    else if (i.lifecycleState === 'Pending') booting++;
    else terminating++;
  }
  return {
    found: group !== undefined,
    min: group?.minSize ?? 0,
    desired: group?.desiredCapacity ?? 0,
    max: group?.maxSize ?? 0,
    inService,
    booting,
    terminating,
    provider: provider?.name ?? providers[0] ?? '',
    targetCapacity: provider?.managedScaling.targetCapacity ?? 0,
    reservation: provider?.reservation ? Math.round(provider.reservation.value) : -1,
    reservationM: provider?.reservation?.m ?? 0,
    reservationN: provider?.reservation?.n ?? 0,
    waitingTasks: provider?.provisioningTasks ?? 0,
  };
}

/** Left edge and width (in % of the bar, which spans 0..max) of the allowed range and the markers. */
export function boundsBar(s: Pick<GroupSummary, 'min' | 'desired' | 'max'>) {
  const scale = Math.max(s.max, 1);
  const at = (n: number) => Math.min(100, Math.max(0, (n / scale) * 100));
  return { minAt: at(s.min), desiredAt: at(s.desired), maxAt: at(s.max), at };
}
