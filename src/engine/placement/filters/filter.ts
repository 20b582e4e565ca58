import type { CandidateInstance, FailureReason, FilterName } from '../types';

/**
 * One hard rule of placement. `check` runs for every instance on every
 * placement, so it returns a constant label (the summary bucket, e.g.
 * 'insufficient memory') and allocates nothing; `explain` builds the
 * sentence with numbers and runs only for rejected instances.
 */
export interface Filter {
  readonly name: FilterName;
  readonly reason: FailureReason;
  check(instance: CandidateInstance): string | undefined;
  explain(instance: CandidateInstance): string;
}
