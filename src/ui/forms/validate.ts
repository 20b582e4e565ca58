/** A field's text, checked: the value to commit, or the message to show in place. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export type Validator<T> = (text: string) => Checked<T>;

export function integerIn(min: number, max: number, unit = ''): Validator<number> {
  const suffix = unit ? ` ${unit}` : '';
  return (text) => {
    const trimmed = text.trim();
    if (trimmed === '') return { ok: false, error: 'Required' };
    const value = Number(trimmed);
    if (!Number.isInteger(value)) return { ok: false, error: 'Must be a whole number' };
    if (value < min) return { ok: false, error: `Must be at least ${min}${suffix}` };
    if (value > max) return { ok: false, error: `Must be at most ${max}${suffix}` };
    return { ok: true, value };
  };
}

/** ECS family and service names: 1-255 letters, digits, hyphens, underscores. */
export const ecsName: Validator<string> = (text) => {
  const value = text.trim();
  if (value === '') return { ok: false, error: 'Required' };
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(value)) {
    return { ok: false, error: 'Use 1-255 letters, digits, hyphens or underscores' };
  }
  return { ok: true, value };
};

export const imageRef: Validator<string> = (text) => {
  const value = text.trim();
  if (value === '') return { ok: false, error: 'Required' };
  if (/\s/.test(value)) return { ok: false, error: 'An image reference has no spaces' };
  return { ok: true, value };
};

// ECS limits a container to 10 vCPU (10,240 units) here and Docker needs 6 MiB at least.
export const containerCpu = integerIn(0, 10_240, 'units');
export const containerMemory = integerIn(6, 262_144, 'MiB');
export const desiredCount = integerIn(0, 1000);

/** 0 asks for a dynamic host port (bridge); any other is a static port on the instance. */
export const hostPort = integerIn(0, 65_535);

/** Custom attribute names (ecs-behavior §4.5): 1-128 of letters, digits and - _ / . */
export const attributeName: Validator<string> = (text) => {
  const value = text.trim();
  if (value === '') return { ok: false, error: 'Required' };
  if (value.length > 128) return { ok: false, error: 'At most 128 characters' };
  if (!/^[A-Za-z0-9\-_/.]+$/.test(value))
    return { ok: false, error: 'Use letters, digits, - _ / or .' };
  if (value.startsWith('ecs.'))
    return { ok: false, error: 'ecs.* attributes are built in; pick another name' };
  return { ok: true, value };
};

/**
 * Custom attribute values (§4.5): empty for none, else 1-128 of letters, digits,
 * - _ . @ / \ : and spaces, not starting or ending with a space.
 */
export const attributeValue: Validator<string> = (text) => {
  if (text === '') return { ok: true, value: '' };
  if (text.length > 128) return { ok: false, error: 'At most 128 characters' };
  if (text.trim() !== text) return { ok: false, error: 'No leading or trailing spaces' };
  if (!/^[A-Za-z0-9\-_.@/\\: ]+$/.test(text))
    return { ok: false, error: 'Use letters, digits, spaces or - _ . @ / \\ :' };
  return { ok: true, value: text };
};

/** Any number in range (thresholds, target values); decimals allowed. */
export function numberIn(min: number, max: number, unit = ''): Validator<number> {
  const suffix = unit ? ` ${unit}` : '';
  return (text) => {
    const trimmed = text.trim();
    if (trimmed === '') return { ok: false, error: 'Required' };
    const value = Number(trimmed);
    if (!Number.isFinite(value)) return { ok: false, error: 'Must be a number' };
    if (value < min) return { ok: false, error: `Must be at least ${min}${suffix}` };
    if (value > max) return { ok: false, error: `Must be at most ${max}${suffix}` };
    return { ok: true, value };
  };
}

/** A number, or empty for none (a step adjustment's open bound): the text, checked. */
export const optionalNumber: Validator<string> = (text) => {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: '' };
  if (!Number.isFinite(Number(trimmed))) return { ok: false, error: 'A number, or empty for none' };
  return { ok: true, value: trimmed };
};

/** Free text that must not be empty; the gate checks the rest (a schedule, subnet ids). */
export const requiredText: Validator<string> = (text) => {
  const value = text.trim();
  return value === '' ? { ok: false, error: 'Required' } : { ok: true, value };
};

/** Free text, empty allowed. */
export const anyText: Validator<string> = (text) => ({ ok: true, value: text.trim() });
