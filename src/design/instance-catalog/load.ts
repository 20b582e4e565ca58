import { installInstanceCatalog, instanceCatalogLoaded } from '../instance-types';

/**
 * Fetches the generated catalog as its own chunk (about 140 kB of rows) and installs
 * it. The page awaits this before it opens a design; every later call is free.
 */
export async function loadInstanceCatalog(): Promise<void> {
  if (instanceCatalogLoaded()) return;
  const { CATALOG } = await import('./catalog.generated');
  installInstanceCatalog(CATALOG);
}
