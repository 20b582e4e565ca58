import placementBinpackSpread from './placement-binpack-spread.json';

/** The built-in lessons, in the order a workshop takes them: raw files, parsed on use. */
export const BUILT_IN_LESSONS: readonly unknown[] = [placementBinpackSpread];
