/**
 * Task-level `cpu` and `memory` in every form RegisterTaskDefinition takes, as ECS stores
 * them: a string of CPU units or MiB. The API reference: cpu "can be expressed as an
 * integer using CPU units (for example, 1024) or as a string using vCPUs (for example,
 * 1 vCPU or 1 vcpu)"; memory "as an integer using MiB (for example, 1024) or as a string
 * using GB (for example, 1GB or 1 GB)"; "string values are converted to an integer ...
 * when the task definition is registered".
 *
 * Model: a vCPU is 1024 units and a GB 1024 MiB (ECS's own table: 0.25 vCPU = 256,
 * 0.5 GB = 512); a leading dot (`.25 vcpu`) and any case are read. A form the API does
 * not document (`512 MiB`, `2 GiB`) is left as written, for the gate to refuse; so is a
 * size that is not a whole number of units (`0.1 vCPU`).
 */
export type TaskSizeField = 'cpu' | 'memory';

const SUFFIX: Record<TaskSizeField, RegExp> = {
  cpu: /^(\d+(?:\.\d*)?|\.\d+)\s*vcpu$/i,
  memory: /^(\d+(?:\.\d*)?|\.\d+)\s*gb$/i,
};

/** The stored form of a task size, or undefined when the value is not one ECS converts. */
export function taskSizeUnits(field: TaskSizeField, value: unknown): string | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 ? String(value) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return String(Number(text));
  const scaled = SUFFIX[field].exec(text);
  if (!scaled) return undefined;
  const units = Number(scaled[1]) * 1024;
  return Number.isInteger(units) ? String(units) : undefined;
}
