import type { Importer } from './fragment';

/** Every reader of AWS documents, first match wins: the most specific shapes first. */
export const IMPORTERS: readonly Importer[] = [];
