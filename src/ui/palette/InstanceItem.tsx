import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { instanceTypeSpec, memoryGiBLabel } from '../../design';
import { setPaletteInstanceType, useSessionStore } from '../../store/session';
import type { BerthNode } from '../canvas/flow-nodes';
import { writeDragItem } from '../shared/drag-item';
import { InstanceTypePicker } from '../shared/InstanceTypePicker';
import { addAtCentre } from './drop-at';

/** Pick a type, then drag the card into a zone lane (or click it, or press Enter: the lane at the canvas centre). */
export const InstanceItem = memo(function InstanceItem() {
  const instanceType = useSessionStore((s) => s.paletteInstanceType);
  const flow = useReactFlow<BerthNode>();
  const spec = instanceTypeSpec(instanceType);

  const addByClick = () => addAtCentre(flow, { kind: 'instance', instanceType });

  return (
    <div className="palette-form">
      <h4 className="palette-subtitle">EC2 instance</h4>
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
        title="Drag into an Availability Zone lane, or press Enter to add it in the lane at the canvas centre"
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
    </div>
  );
});
