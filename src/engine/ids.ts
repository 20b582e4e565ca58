import type { Rng } from './kernel';

export const ACCOUNT_ID = '123456789012';

/** 32 lowercase hex characters, as ECS task ids look. */
export function hexId(rng: Rng, length = 32): string {
  let out = '';
  while (out.length < length) out += rng.nextUint32().toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/** A UUID-shaped id for EventBridge events, drawn from the seeded stream. */
export function uuid(rng: Rng): string {
  const h = hexId(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** FNV-1a: a stable id for things the design names (instances), whatever their order. */
export function stableHex(text: string, length = 32): string {
  let out = '';
  let seed = 0x811c9dc5;
  while (out.length < length) {
    let h = seed;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
    seed = (h ^ 0x9e3779b9) >>> 0;
  }
  return out.slice(0, length);
}

export interface ArnScope {
  region: string;
  account: string;
}

export const arns = {
  cluster: (s: ArnScope, cluster: string) =>
    `arn:aws:ecs:${s.region}:${s.account}:cluster/${cluster}`,
  task: (s: ArnScope, cluster: string, id: string) =>
    `arn:aws:ecs:${s.region}:${s.account}:task/${cluster}/${id}`,
  containerInstance: (s: ArnScope, cluster: string, id: string) =>
    `arn:aws:ecs:${s.region}:${s.account}:container-instance/${cluster}/${id}`,
  service: (s: ArnScope, cluster: string, name: string) =>
    `arn:aws:ecs:${s.region}:${s.account}:service/${cluster}/${name}`,
  taskSet: (s: ArnScope, cluster: string, service: string, id: string) =>
    `arn:aws:ecs:${s.region}:${s.account}:task-set/${cluster}/${service}/${id}`,
  taskDefinition: (s: ArnScope, family: string, revision: number) =>
    `arn:aws:ecs:${s.region}:${s.account}:task-definition/${family}:${revision}`,
};

export function lastArnPart(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
