/**
 * The chart's plot area, in px from its box's edges: fixed, so the timeline under it
 * lines its playhead and marks up with the chart's time axis. The right margin leaves room
 * for the last tick label ("1:00:00") centred on the axis end.
 */
export const PLOT_LEFT = 48;
export const PLOT_RIGHT = 24;
