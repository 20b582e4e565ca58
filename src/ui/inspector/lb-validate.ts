import type { Validator } from '../forms/validate';

/** A whole number in range, or a message that names the field and the rule. */
function wholeIn(field: string, min: number, max: number, unit = ''): Validator<number> {
  const rule = `${field} must be ${min}-${max}${unit}`;
  return (text) => {
    const trimmed = text.trim();
    if (!/^\d+$/.test(trimmed)) return { ok: false, error: `${rule}, a whole number` };
    const value = Number(trimmed);
    if (value < min || value > max) return { ok: false, error: rule };
    return { ok: true, value };
  };
}

export const listenerPort = wholeIn('Port', 1, 65_535);

/** ecs-behavior §14.3: 0-3600 seconds, 300 by default. */
export const deregistrationDelay = wholeIn(
  'deregistration_delay.timeout_seconds',
  0,
  3600,
  ' seconds',
);
