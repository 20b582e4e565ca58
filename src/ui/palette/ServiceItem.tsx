import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { useDesignStore } from '../../store/design';
import { dropService } from '../../store/design-actions';
import type { SchedulingStrategy, ServiceNetworkMode } from '../../store/edits';
import {
  newServiceBlocker,
  setNewService,
  setNewServiceError,
  showNotice,
  useSessionStore,
} from '../../store/session';
import type { BerthNode } from '../canvas/flow-nodes';
import { nextServicePoint, placeService } from '../canvas/placement';
import { Field } from '../forms/Field';
import {
  containerCpu,
  containerMemory,
  desiredCount,
  ecsName,
  hostPort,
  imageRef,
} from '../forms/validate';
import { writeDragItem } from '../shared/drag-item';

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
  const errors = useSessionStore((s) => s.newServiceErrors);
  const blocker = newServiceBlocker(errors);
  const blockedText = blocker && `Fix ${blocker.field} to add this service: ${blocker.error}`;
  const flow = useReactFlow<BerthNode>();

  const addByClick = () => {
    if (blocker) return;
    const design = useDesignStore.getState().design;
    const placed = placeService(design, flow.getNodes(), nextServicePoint(design));
    const issues = dropService(form, placed.position, placed.cluster);
    if (issues[0])
      showNotice(`Service not added: ${issues[0].path}: ${issues[0].message}`, 'error');
  };

  return (
    <section className="palette-section">
      <h3>Service</h3>
      <Field
        label="Family"
        value={form.family}
        validate={ecsName}
        onCommit={(family) => setNewService({ family })}
        commitOn="change"
        testId="palette.service.family"
        onErrorChange={(error) => setNewServiceError('Family', error)}
      />
      <Field
        label="Container image"
        value={form.image}
        validate={imageRef}
        onCommit={(image) => setNewService({ image })}
        commitOn="change"
        testId="palette.service.image"
        onErrorChange={(error) => setNewServiceError('Container image', error)}
      />
      <div className="field-row">
        <Field
          label="CPU units"
          inputMode="numeric"
          value={form.cpu}
          validate={containerCpu}
          onCommit={(cpu) => setNewService({ cpu })}
          commitOn="change"
          testId="palette.service.cpu"
          onErrorChange={(error) => setNewServiceError('CPU units', error)}
        />
        <Field
          label="Memory MiB"
          inputMode="numeric"
          value={form.memoryMiB}
          validate={containerMemory}
          onCommit={(memoryMiB) => setNewService({ memoryMiB })}
          commitOn="change"
          testId="palette.service.memory"
          onErrorChange={(error) => setNewServiceError('Memory MiB', error)}
        />
      </div>
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
      <p className="field-hint palette-hint">{portHint(mode, form.hostPort ?? 0)}</p>
      {/* aria-disabled, not disabled: the card keeps focus and its title, and says why. */}
      <button
        type="button"
        className={`palette-item service${blocker ? ' blocked' : ''}`}
        data-testid="palette.service"
        draggable={!blocker}
        aria-disabled={blocker !== undefined}
        aria-describedby={blocker ? 'palette-service-blocked' : undefined}
        onDragStart={(event) => {
          if (blocker) event.preventDefault();
          else writeDragItem(event.dataTransfer, { kind: 'service' });
        }}
        onClick={addByClick}
        title={blockedText ?? 'Drag onto the canvas, or click to add'}
      >
        <span className="palette-icon service">SVC</span>
        <span className="palette-text">
          <strong>{form.family}</strong>
          <small>
            {daemon ? 'daemon' : `×${form.desiredCount}`} · {form.cpu} CPU · {form.memoryMiB} MiB ·{' '}
            {mode}
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
    </section>
  );
});
