import { DESIGN_KEY } from './design-storage';
import { RUN_KEY } from './run-storage';
import { browserStorage } from './storage';
import { readyForAppSpecs } from './yaml-loader';

// Imported before the design store opens the autosave (and the run beside it) through the
// gate: an AppSpec among them may be YAML, so its reader loads first. Without one, nothing
// waits.
const storage = browserStorage();
const read = (key: string): string | null => {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
};
await readyForAppSpecs([read(DESIGN_KEY), read(RUN_KEY)]);
