// Set or remove one field of a parsed document by the path a message names:
// `taskDefinitions[0].containerDefinitions[0].memory`, `Resources.Service.Properties.DesiredCount`.

const STEP = /([^.[\]]+)|\[(\d+)\]/g;

export function pathSteps(path: string): (string | number)[] {
  return [...path.matchAll(STEP)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? '')));
}

type Container = Record<string | number, unknown>;

function parentOf(doc: unknown, path: string): { parent: Container; key: string | number } {
  const steps = pathSteps(path);
  const key = steps.pop();
  if (key === undefined) throw new Error(`empty path`);
  let at = doc;
  for (const step of steps) {
    if (typeof at !== 'object' || at === null) throw new Error(`${path}: no ${step}`);
    at = (at as Container)[step];
  }
  if (typeof at !== 'object' || at === null) throw new Error(`${path}: no parent`);
  return { parent: at as Container, key };
}

export function setAt(doc: unknown, path: string, value: unknown): void {
  const { parent, key } = parentOf(doc, path);
  parent[key] = value;
}

export function removeAt(doc: unknown, path: string): void {
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete parent[key];
}
