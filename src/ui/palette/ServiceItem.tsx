import { memo } from 'react';
import { dropService } from '../../store/design-actions';
import { setNewService, showNotice, useSessionStore } from '../../store/session';
import { Field } from '../forms/Field';
import { containerCpu, containerMemory, desiredCount, ecsName, imageRef } from '../forms/validate';
import { writeDragItem } from '../shared/drag-item';

/** The new service's task definition and count, then drag the card onto the canvas. */
export const ServiceItem = memo(function ServiceItem() {
  const form = useSessionStore((s) => s.newService);

  const addByClick = () => {
    const issues = dropService(form);
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
      />
      <Field
        label="Container image"
        value={form.image}
        validate={imageRef}
        onCommit={(image) => setNewService({ image })}
        commitOn="change"
        testId="palette.service.image"
      />
      <div className="field-row three">
        <Field
          label="CPU units"
          inputMode="numeric"
          value={form.cpu}
          validate={containerCpu}
          onCommit={(cpu) => setNewService({ cpu })}
          commitOn="change"
          testId="palette.service.cpu"
        />
        <Field
          label="Memory MiB"
          inputMode="numeric"
          value={form.memoryMiB}
          validate={containerMemory}
          onCommit={(memoryMiB) => setNewService({ memoryMiB })}
          commitOn="change"
          testId="palette.service.memory"
        />
        <Field
          label="Desired"
          inputMode="numeric"
          value={form.desiredCount}
          validate={desiredCount}
          onCommit={(count) => setNewService({ desiredCount: count })}
          commitOn="change"
          testId="palette.service.desiredCount"
        />
      </div>
      <button
        type="button"
        className="palette-item service"
        data-testid="palette.service"
        draggable
        onDragStart={(event) => writeDragItem(event.dataTransfer, { kind: 'service' })}
        onClick={addByClick}
        title="Drag onto the canvas, or click to add"
      >
        <span className="palette-icon service">SVC</span>
        <span className="palette-text">
          <strong>{form.family}</strong>
          <small>
            ×{form.desiredCount} · {form.cpu} CPU · {form.memoryMiB} MiB
          </small>
        </span>
        <span className="palette-grip" aria-hidden="true">
          ⠿
        </span>
      </button>
    </section>
  );
});
