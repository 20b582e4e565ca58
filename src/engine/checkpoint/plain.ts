/**
 * A deep copy of JSON data (the engine has no DOM, so no structuredClone). Parts of
 * the state that promise to be plain JSON (capacity/, autoscaling/) checkpoint so.
 */
export function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
