import type { ServiceSummary } from '../../store/edits';

/** How the task's port meets the instance: the part of the network mode placement checks. */
export function networkText({ networkMode, port }: ServiceSummary): string {
  if (!port) return networkMode;
  if (networkMode === 'bridge') {
    const host = port.hostPort === 0 ? 'dynamic host port' : `host port ${port.hostPort}`;
    return `bridge · ${port.containerPort} → ${host}`;
  }
  if (networkMode === 'awsvpc') return `awsvpc · port ${port.containerPort} on its own ENI`;
  return `${networkMode} · host port ${port.hostPort}`;
}
