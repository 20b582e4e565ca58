import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { EXTERNAL_CPU, EXTERNAL_MEMORY_MIB } from '../../store/edits/palette';
import type { BerthNode } from '../canvas/flow-nodes';
import { addAtCentre } from './drop-at';
import { PaletteCard } from './PaletteCard';
import { type PaletteKind, writePaletteDrag } from './palette-drag';

const CARDS: {
  kind: PaletteKind;
  testId: string;
  icon: string;
  tone: string;
  title: string;
  detail: string;
  hint: string;
}[] = [
  {
    kind: 'autoScalingGroup',
    testId: 'palette.asg',
    icon: 'ASG',
    tone: 'asg',
    title: 'Auto Scaling group',
    detail: 'm5.large · desired 2 of\u00a0max\u00a010',
    hint: 'Drag into a cluster (or press Enter): CreateLaunchTemplate and CreateAutoScalingGroup whose instances join it',
  },
  {
    kind: 'externalInstance',
    testId: 'palette.external',
    icon: 'EXT',
    tone: 'external',
    title: 'External instance',
    detail: `on-premises · ${EXTERNAL_CPU / 1024}\u00a0vCPU · ${EXTERNAL_MEMORY_MIB / 1024}\u00a0GiB`,
    hint: 'Drag into a cluster (or press Enter): RegisterContainerInstance with ecs.capability.external, in the on-premises lane',
  },
  {
    kind: 'fargate',
    testId: 'palette.fargate',
    icon: 'FG',
    tone: 'fargate',
    title: 'Fargate',
    detail: 'FARGATE + FARGATE_SPOT',
    hint: 'Drag into a cluster (or press Enter): PutClusterCapacityProviders with FARGATE and FARGATE_SPOT',
  },
];

/** Capacity besides one EC2 instance: an Auto Scaling group, an external instance, Fargate. */
export const CapacityItems = memo(function CapacityItems() {
  const flow = useReactFlow<BerthNode>();
  return (
    <div className="palette-cards">
      {CARDS.map((card) => (
        <PaletteCard
          key={card.kind}
          testId={card.testId}
          icon={card.icon}
          tone={card.tone}
          title={card.title}
          detail={card.detail}
          hint={card.hint}
          onDragStart={(event) => writePaletteDrag(event.dataTransfer, card.kind)}
          onAdd={() => addAtCentre(flow, { kind: card.kind })}
        />
      ))}
    </div>
  );
});
