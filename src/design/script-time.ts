import { z } from 'zod';

/** A script action's virtual time, in seconds from the design's startTime. */
export const at = z.number().min(0, 'must be 0 or more seconds');
