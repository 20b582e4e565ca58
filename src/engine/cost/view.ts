import {
  type InstanceCatalog,
  instanceCatalog,
  instanceCatalogLoaded,
  instanceTypeSpec,
} from '../../design';
import type { CostView } from '../api';
import type { EngineContext } from '../context';
import { fargateUseAt, instanceMsAt } from './meter';
import type { FargateMeter } from './state';

const HOUR_MS = 3_600_000;

/** Six decimals: a millionth of an hour or of a dollar, so --state-out reads as numbers people write. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function fargateRates(meter: FargateMeter): InstanceCatalog['fargate']['linuxX86'] | null {
  if (!instanceCatalogLoaded()) return null;
  const f = instanceCatalog().fargate;
  const spot = meter.provider === 'FARGATE_SPOT';
  if (meter.architecture === 'ARM64') return spot ? f.linuxArmSpot : f.linuxArm;
  return spot ? f.linuxX86Spot : f.linuxX86;
}

/**
 * The cost so far at ctx.nowMs, from the meters (nothing changes): instance-hours by type
 * and purchase, Fargate vCPU-hours and GB-hours, priced from the catalog's dated us-east-1
 * list prices. Costs O(meters in use), never a walk over tasks or instances.
 *
 * No price, no `usd`: Spot instances (Spot prices float and the catalog has no dated
 * figure) and the few types the catalog has no price for. Fargate Spot's rates are null in
 * the catalog too: its hours are counted and `spotUsd` is absent.
 */
export function costView(ctx: Pick<EngineContext, 'cost' | 'nowMs'>): CostView {
  const now = ctx.nowMs;
  const priced = instanceCatalogLoaded();
  let totalUsd = 0;
  let usdPerHour = 0;
  const instances: CostView['instances'] = Object.values(ctx.cost.instances)
    .sort((a, b) =>
      a.instanceType === b.instanceType
        ? a.purchase.localeCompare(b.purchase)
        : a.instanceType < b.instanceType
          ? -1
          : 1,
    )
    .map((m) => {
      const hours = instanceMsAt(m, now) / HOUR_MS;
      const price =
        priced && m.purchase === 'on-demand'
          ? (instanceTypeSpec(m.instanceType)?.onDemandUsdPerHour ?? null)
          : null;
      if (price === null)
        return {
          instanceType: m.instanceType,
          purchase: m.purchase,
          running: m.running,
          hours: round6(hours),
        };
      totalUsd += hours * price;
      usdPerHour += m.running * price;
      return {
        instanceType: m.instanceType,
        purchase: m.purchase,
        running: m.running,
        hours: round6(hours),
        usd: round6(hours * price),
      };
    });
  const fargate = {
    vcpuHours: 0,
    gbHours: 0,
    usd: 0,
    spotVcpuHours: 0,
    spotGbHours: 0,
    spotUsd: 0,
  };
  /** Fargate Spot used with no rate in the catalog: its dollars are unknown, not $0. */
  let spotUnpriced = false;
  for (const m of Object.values(ctx.cost.fargate)) {
    const use = fargateUseAt(m, now);
    const vcpuHours = use.cpuMs / 1024 / HOUR_MS;
    const gbHours = use.memoryMiBMs / 1024 / HOUR_MS;
    const rates = fargateRates(m);
    const usd = rates ? vcpuHours * rates.usdPerVcpuHour + gbHours * rates.usdPerGbHour : 0;
    if (rates)
      usdPerHour +=
        (m.cpu / 1024) * rates.usdPerVcpuHour + (m.memoryMiB / 1024) * rates.usdPerGbHour;
    totalUsd += usd;
    if (m.provider === 'FARGATE_SPOT') {
      if (!rates && use.cpuMs > 0) spotUnpriced = true;
      fargate.spotVcpuHours += vcpuHours;
      fargate.spotGbHours += gbHours;
      fargate.spotUsd += usd;
    } else {
      fargate.vcpuHours += vcpuHours;
      fargate.gbHours += gbHours;
      fargate.usd += usd;
    }
  }
  return {
    priceDate: priced ? instanceCatalog().priceDate : '',
    totalUsd: round6(totalUsd),
    usdPerHour: round6(usdPerHour),
    instances,
    fargate: {
      vcpuHours: round6(fargate.vcpuHours),
      gbHours: round6(fargate.gbHours),
      usd: round6(fargate.usd),
      spotVcpuHours: round6(fargate.spotVcpuHours),
      spotGbHours: round6(fargate.spotGbHours),
      ...(!spotUnpriced && { spotUsd: round6(fargate.spotUsd) }),
    },
  };
}
