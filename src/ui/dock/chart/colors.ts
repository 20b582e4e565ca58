import { serviceColor } from '../../shared/service-colors';

/**
 * Deployments by the order they first had tasks: the old revision and the new one read as
 * two distinct hues from the back of a room, and a deployment keeps its hue as it goes
 * from PRIMARY to ACTIVE (a rollback must not swap the colours under the viewer).
 */
const DEPLOYMENT_COLORS = ['#2563eb', '#ea580c', '#059669', '#7c3aed', '#db2777', '#475569'];

export function deploymentColor(index: number): string {
  return DEPLOYMENT_COLORS[index % DEPLOYMENT_COLORS.length] ?? '#2563eb';
}

/** Failed requests: reds apart enough to tell two calls' failures side by side. */
const FAILED_COLORS = ['#c81e1e', '#ea580c', '#9f1239', '#e11d48'];

export function failedColor(index: number): string {
  return FAILED_COLORS[index % FAILED_COLORS.length] ?? '#c81e1e';
}

/**
 * A target group's colour: blue/green deployments name their groups after colours, and a
 * group called green drawn orange would mislead; the rest take the palette by position.
 */
export function targetGroupColor(name: string, index: number): string {
  const n = name.toLowerCase();
  if (/\bblue\b|(^|-)blue($|-)/.test(n)) return '#2563eb';
  if (/\bgreen\b|(^|-)green($|-)/.test(n)) return '#16a34a';
  return serviceColor(index + 2);
}

/** Calls' served lines: the palette after the reds' neighbours. */
const CALL_COLORS = ['#2563eb', '#0d9488', '#7c3aed', '#0284c7', '#65a30d'];

export function callColor(index: number): string {
  return CALL_COLORS[index % CALL_COLORS.length] ?? '#2563eb';
}
