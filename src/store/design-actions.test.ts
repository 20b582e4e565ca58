import { beforeEach, describe, expect, it } from 'vitest';
import { useDesignStore } from './design';
import {
  dropInstance,
  dropService,
  editService,
  importDesign,
  loadSample,
  moveNodes,
  newDesign,
  openSharedLink,
  redo,
  setAttributes,
  setStatus,
  undo,
} from './design-actions';
import { sampleDocument } from './design-storage';
import { useSessionStore } from './session';
import { shareHash } from './share-link';

const design = () => useDesignStore.getState().design;
const history = () => useDesignStore.temporal.getState().pastStates.length;

describe('design actions', () => {
  beforeEach(() => {
    newDesign();
    useDesignStore.temporal.getState().clear();
  });

  it('drops instances and a service, selecting what was added', () => {
    const id = dropInstance('m5.large', 'us-east-1a', { x: 0, y: 300 });
    expect(useSessionStore.getState().selection).toEqual({ kind: 'instance', id });
    expect(
      dropService({ family: 'web', image: 'nginx', cpu: 256, memoryMiB: 512, desiredCount: 3 }),
    ).toEqual([]);
    expect(design().services[0]?.desiredCount).toBe(3);
    expect(useSessionStore.getState().selection).toEqual({ kind: 'service', name: 'web' });
  });

  it('refuses an edit the gate refuses, naming the field, and keeps the design', () => {
    dropService({ family: 'web', image: 'nginx', cpu: 256, memoryMiB: 512, desiredCount: 3 });
    const before = design();
    const issues = editService('web', { desiredCount: -1 });
    expect(issues[0]?.path).toBe('services[0].desiredCount');
    expect(design()).toBe(before);
  });

  it('makes one undo step per drag, and none for an unchanged commit', () => {
    const id = dropInstance('m5.large', 'us-east-1a');
    const steps = history();
    moveNodes({ [`instance:${id}`]: { x: 10, y: 400 } });
    expect(history()).toBe(steps + 1);
    expect(editService('missing', { desiredCount: 1 })).toEqual([]);
    expect(history()).toBe(steps + 1);
    undo();
    expect(design().layout[`instance:${id}`]).toBeUndefined();
    redo();
    expect(design().layout[`instance:${id}`]).toEqual({ x: 10, y: 400 });
  });

  it('moves an instance to another zone when it is dragged into that lane', () => {
    const id = dropInstance('m5.large', 'us-east-1a');
    moveNodes({ [`instance:${id}`]: { x: 400, y: 300 } }, { [id]: 'us-east-1b' });
    expect(design().containerInstances[0]?.availabilityZone).toBe('us-east-1b');
  });

  it('imports through the gate and leaves the design alone on error', () => {
    const before = design();
    const result = importDesign(
      '{"formatVersion":1,"name":"x","seed":1,"region":"us-east-1","clusters":[]}',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe('clusters');
    expect(design()).toBe(before);
  });

  it('drains an instance and edits its custom attributes through the gate', () => {
    const id = dropInstance('m5.large', 'us-east-1a');
    expect(setStatus(id, 'DRAINING')).toEqual([]);
    expect(design().containerInstances[0]?.status).toBe('DRAINING');
    expect(setAttributes(id, [{ name: 'tier', value: 'gpu' }])).toEqual([]);
    expect(design().containerInstances[0]?.attributes).toEqual([{ name: 'tier', value: 'gpu' }]);
    const refused = setAttributes(id, [{ name: 'bad name!', value: 'x' }]);
    expect(refused[0]?.path).toBe('containerInstances[0].attributes[0].name');
  });

  it('opens a share link as one undoable step, and refuses a bad one with its text kept', () => {
    const before = design();
    openSharedLink(shareHash(sampleDocument()));
    expect(design().name).toBe('Sample: web on three instances');
    undo();
    expect(design()).toBe(before);

    const broken = { ...sampleDocument(), seed: -1 };
    openSharedLink(shareHash(broken));
    expect(design()).toBe(before);
    const issue = useDesignStore.getState().loadIssue;
    expect(issue?.issues[0]?.path).toBe('seed');
    expect(issue?.text).toContain('"seed":-1');
    useDesignStore.setState({ loadIssue: null });
    loadSample();
  });
});
