import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { INSTANCE_TYPE_NAMES, INSTANCE_TYPES } from '../../design';
import { useDesignStore } from '../../store/design';
import { dropInstance } from '../../store/design-actions';
import { setPaletteInstanceType, useSessionStore } from '../../store/session';
import type { BerthNode } from '../canvas/flow-nodes';
import { emptiestLanePoint, placeInstance } from '../canvas/placement';
import { writeDragItem } from '../shared/drag-item';

/** Pick a type, then drag the card into a zone lane (or click it to add one). */
export const InstanceItem = memo(function InstanceItem() {
  const instanceType = useSessionStore((s) => s.paletteInstanceType);
  const flow = useReactFlow<BerthNode>();
  const spec = INSTANCE_TYPES[instanceType as keyof typeof INSTANCE_TYPES];

  const addByClick = () => {
    const design = useDesignStore.getState().design;
    const nodes = flow.getNodes();
    const placed = placeInstance(design, nodes, emptiestLanePoint(design, nodes));
    dropInstance(instanceType, placed.az, placed.position, placed.cluster);
  };

  return (
    <section className="palette-section">
      <h3>EC2 instance</h3>
      <label className="palette-label" htmlFor="palette-instance-type">
        Instance type
      </label>
      <select
        id="palette-instance-type"
        data-testid="palette.instanceType"
        value={instanceType}
        onChange={(event) => setPaletteInstanceType(event.target.value)}
      >
        {INSTANCE_TYPE_NAMES.map((name) => (
          <option key={name} value={name}>
            {name} · {INSTANCE_TYPES[name].vcpu} vCPU · {INSTANCE_TYPES[name].memoryGiB} GiB
          </option>
        ))}
      </select>
      <button
        type="button"
        className="palette-item instance"
        data-testid="palette.instance"
        draggable
        onDragStart={(event) =>
          writeDragItem(event.dataTransfer, { kind: 'instance', instanceType })
        }
        onClick={addByClick}
        title="Drag into an Availability Zone lane, or click to add to the emptiest lane"
      >
        <span className="palette-icon">EC2</span>
        <span className="palette-text">
          <strong>{instanceType}</strong>
          <small>{spec ? `${spec.vcpu * 1024} CPU units · ${spec.memoryGiB} GiB` : ''}</small>
        </span>
        <span className="palette-grip" aria-hidden="true">
          ⠿
        </span>
      </button>
    </section>
  );
});
