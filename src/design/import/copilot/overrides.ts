import type { DesignIssue } from '../../issues';
import { isMap, type Json } from './reader';

/**
 * Fields where one form replaces the other (Copilot's union types): an override that
 * sets `image.location` drops the base's `image.build`, and the other way round.
 */
const EXCLUSIVE: readonly (readonly [string, string])[] = [
  ['location', 'build'],
  ['build', 'location'],
];

/**
 * Copilot's override rule (manifest/applyenv.go): maps merge key by key, anything else
 * (a scalar, a list, a map over a scalar) replaces. `null` keeps the base's value.
 */
export function applyOverride(base: unknown, override: unknown): unknown {
  if (override === null || override === undefined) return base;
  if (!isMap(base) || !isMap(override)) return override;
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(override)) {
    for (const [set, drop] of EXCLUSIVE) if (key === set && value != null) delete out[drop];
    out[key] = applyOverride(base[key], value);
  }
  return out;
}

/**
 * The manifest as one environment sees it: `environments.<env>` applied over the rest.
 * `env` names the environment; without it, the first one listed. Says which was taken
 * and which were left, so the choice is never silent.
 */
export function forEnvironment(
  manifest: Json,
  env: string | undefined,
): { doc: Json; env: string | undefined; warnings: DesignIssue[] } {
  const { environments, ...base } = manifest;
  const warnings: DesignIssue[] = [];
  if (environments === undefined || environments === null) return { doc: base, env, warnings };
  if (!isMap(environments)) {
    warnings.push({ path: 'environments', message: 'is not a map of environments: ignored' });
    return { doc: base, env, warnings };
  }
  const names = Object.keys(environments);
  const chosen = env ?? names[0];
  const others = names.filter((n) => n !== chosen);
  const left = others.length > 0 ? `; ${others.join(', ')} left out` : '';
  if (chosen === undefined) return { doc: base, env, warnings };
  if (!Object.hasOwn(environments, chosen)) {
    warnings.push({
      path: 'environments',
      message: `has no ${chosen}: the manifest's own values are used, without overrides (${names.join(', ')} left out)`,
    });
    return { doc: base, env: chosen, warnings };
  }
  warnings.push({
    path: `environments.${chosen}`,
    message: `overrides applied: Berth imports one environment, ${chosen}${left}`,
  });
  return { doc: applyOverride(base, environments[chosen]) as Json, env: chosen, warnings };
}
