/**
 * The chart's plot area, in px from its box's edges: fixed, so the timeline under it
 * lines its playhead and marks up with the chart's time axis. Sized for presenter mode's
 * 18 px semibold ticks (the widest case; normal mode's 14 px fit with room): on the left
 * the widest y label ("$12.50", 70 px) beside its tick mark, on the right half the widest
 * last time label ("24:00:00", 90 px) centred on the axis end. presenter-readable.spec.ts
 * checks every label is whole.
 */
export const PLOT_LEFT = 80;
export const PLOT_RIGHT = 48;
/** Above the plot: half the top y label's 18 px line box, which is centred on the top line. */
export const PLOT_TOP = 12;
/** Below the plot: the time axis, tick marks and an 18 px line box. */
export const PLOT_X_AXIS = 30;
