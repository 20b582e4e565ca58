import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { instanceTypeSpec, memoryGiBLabel } from '../../design';
import { useDesignStore } from '../../store/design';
import { dropInstance } from '../../store/design-actions';
import { setPaletteInstanceType, useSessionStore } from '../../store/session';
import type { BerthNode } from '../canvas/flow-nodes';
import { emptiestLanePoint, placeInstance } from '../canvas/placement';
import { writeDragItem } from '../shared/drag-item';
import { InstanceTypePicker } from '../shared/InstanceTypePicker';

/** Pick a type, then drag the card into a zone lane (or click it to add one). */
export const InstanceItem = memo(function InstanceItem() {
  const instanceType = useSessionStore((s) => s.paletteInstanceType);
  const flow = useReactFlow<BerthNode>();
  const spec = instanceTypeSpec(instanceType);

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
      <InstanceTypePicker
        id="palette-instance-type"
        testId="palette.instanceType"
        value={instanceType}
        onChange={setPaletteInstanceType}
      />
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
          <small>{spec ? `${spec.vcpu * 1024} CPU units · ${memoryGiBLabel(spec)} GiB` : ''}</small>
        </span>
        <span className="palette-grip" aria-hidden="true">
          ⠿
        </span>
      </button>
    </section>
  );
});
