import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import type { SchedulingStrategy, ServiceNetworkMode } from '../../store/edits';
import { fargateSizeFor, launchTypeRefusalOf } from '../../store/edits/palette';
import { setServiceLaunchType, usePaletteForms } from '../../store/palette-actions';
import {
  newServiceBlocker,
  setNewService,
  setNewServiceError,
  useSessionStore,
} from '../../store/session';
import type { BerthNode } from '../canvas/flow-nodes';
import { Field } from '../forms/Field';
import { desiredCount, hostPort } from '../forms/validate';
import { writeDragItem } from '../shared/drag-item';
import { ContainerFields } from './ContainerFields';
import { addAtCentre } from './drop-at';
import { LaunchTypeSelect } from './LaunchTypeSelect';

/** What the port means for placement in each mode (ecs-behavior §3.3, §5). */
function portHint(mode: ServiceNetworkMode, port: number): string {
  if (mode === 'awsvpc') return 'awsvpc: each task takes an ENI slot; the port is on its own ENI.';
  const shown = port === 0 ? 80 : port;
  if (mode === 'host') return `host: port ${shown} on the instance, one task per instance.`;
  return port === 0
    ? 'bridge, host port 0: a dynamic port, many tasks per instance.'
    : `bridge, static host port ${port}: one task per instance.`;
}

/** The new service's task definition and count, then drag the card onto the canvas. */
export const ServiceItem = memo(function ServiceItem() {
  const form = useSessionStore((s) => s.newService);
  const daemon = form.schedulingStrategy === 'DAEMON';
  const mode = form.networkMode ?? 'bridge';
  const launchType = usePaletteForms((s) => s.serviceLaunchType);
  const errors = useSessionStore((s) => s.newServiceErrors);
  const blocker = newServiceBlocker(errors);
  // What ECS refuses (a Fargate daemon, awsvpc on an external instance) blocks the card too.
  const refusal = launchTypeRefusalOf(launchType, mode, daemon);
  const blockedText =
    (blocker && `Fix ${blocker.field} to add this service: ${blocker.error}`) || refusal;
  const blocked = blockedText !== undefined;
  const shownMode = launchType === 'FARGATE' ? 'awsvpc' : mode;
  const size = launchType === 'FARGATE' ? fargateSizeFor(form.cpu, form.memoryMiB) : undefined;
  const flow = useReactFlow<BerthNode>();

  const addByClick = () => {
    if (!blocked) addAtCentre(flow, { kind: 'service' });
  };

  return (
    <div className="palette-form">
      <h4 className="palette-subtitle">Service</h4>
      <ContainerFields
        values={form}
        testIdPrefix="palette.service"
        onCommit={setNewService}
        onErrorChange={setNewServiceError}
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor="palette-scheduling">Scheduling</label>
          <select
            id="palette-scheduling"
            data-testid="palette.service.scheduling"
            value={form.schedulingStrategy ?? 'REPLICA'}
            onChange={(e) =>
              setNewService({ schedulingStrategy: e.target.value as SchedulingStrategy })
            }
          >
            <option value="REPLICA">REPLICA</option>
            <option value="DAEMON">DAEMON</option>
          </select>
        </div>
        {daemon ? (
          <p className="field-hint palette-daemon">One task on every instance.</p>
        ) : (
          <Field
            label="Desired"
            inputMode="numeric"
            value={form.desiredCount}
            validate={desiredCount}
            onCommit={(count) => setNewService({ desiredCount: count })}
            commitOn="change"
            testId="palette.service.desiredCount"
            onErrorChange={(error) => setNewServiceError('Desired', error)}
          />
        )}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="palette-network">Network mode</label>
          <select
            id="palette-network"
            data-testid="palette.service.networkMode"
            value={mode}
            onChange={(e) => setNewService({ networkMode: e.target.value as ServiceNetworkMode })}
          >
            <option value="bridge">bridge</option>
            <option value="host">host</option>
            <option value="awsvpc">awsvpc</option>
          </select>
        </div>
        <Field
          label="Host port"
          inputMode="numeric"
          value={form.hostPort ?? 0}
          validate={hostPort}
          onCommit={(port) => setNewService({ hostPort: port })}
          commitOn="change"
          testId="palette.service.hostPort"
          onErrorChange={(error) => setNewServiceError('Host port', error)}
        />
      </div>
      <LaunchTypeSelect
        id="palette-service-launch"
        testId="palette.service.launchType"
        value={launchType}
        onChange={setServiceLaunchType}
      />
      <p className="field-hint palette-hint">
        {size
          ? `FARGATE: awsvpc, task size ${size.cpu} CPU / ${size.memoryMiB} MiB, the cluster's subnets.`
          : launchType === 'EXTERNAL'
            ? 'EXTERNAL: only on external instances (the on-premises lane).'
            : portHint(mode, form.hostPort ?? 0)}
      </p>
      {/* aria-disabled, not disabled: the card keeps focus and its title, and says why. */}
      <button
        type="button"
        className={`palette-item service${blocked ? ' blocked' : ''}`}
        data-testid="palette.service"
        draggable={!blocked}
        aria-disabled={blocked}
        aria-describedby={blocked ? 'palette-service-blocked' : undefined}
        onDragStart={(event) => {
          if (blocked) event.preventDefault();
          else writeDragItem(event.dataTransfer, { kind: 'service' });
        }}
        onClick={addByClick}
        title={blockedText ?? 'Drag onto the canvas, or press Enter to add it at the canvas centre'}
      >
        <span className="palette-icon service">SVC</span>
        <span className="palette-text">
          <strong>{form.family}</strong>
          <small>
            {daemon ? 'daemon' : `×${form.desiredCount}`} · {form.cpu} CPU · {form.memoryMiB} MiB ·{' '}
            {shownMode}
            {launchType === 'EC2' ? '' : ` · ${launchType}`}
          </small>
        </span>
        <span className="palette-grip" aria-hidden="true">
          ⠿
        </span>
      </button>
      {blockedText && (
        <p
          className="palette-blocked"
          id="palette-service-blocked"
          data-testid="palette.service.blocked"
          role="status"
        >
          {blockedText}
        </p>
      )}
    </div>
  );
});
