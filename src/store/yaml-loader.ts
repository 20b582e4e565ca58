import { loadYamlReader } from '../design';

/**
 * The page reads AppSpecs written in YAML only once the YAML reader has loaded (it is not
 * in the first render). A text that holds one (a CodeDeploy CreateDeployment) loads it
 * before the gate reads the text; any other text goes through at once.
 */
export const holdsAppSpec = (text: string | null | undefined): boolean =>
  text?.includes('appSpecContent') ?? false;

/** Resolves when the gate can read every AppSpec in `texts`. */
export async function readyForAppSpecs(texts: readonly (string | null)[]): Promise<void> {
  if (texts.some(holdsAppSpec)) await loadYamlReader();
}

/** Runs `open` at once, or, when `texts` hold an AppSpec, once the YAML reader has loaded. */
export function whenAppSpecsReadable(texts: readonly (string | null)[], open: () => void): void {
  if (texts.some(holdsAppSpec)) void loadYamlReader().then(open);
  else open();
}
