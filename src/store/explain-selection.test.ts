import { afterEach, describe, expect, it } from 'vitest';
import { closeExplain, explainService, explainTask, useExplainStore } from './explain';
import { select } from './session';

const target = () => useExplainStore.getState().target;

describe('what closes an open explanation', () => {
  afterEach(() => {
    closeExplain();
    select(null);
  });

  it.each([
    ['another instance', { kind: 'instance', id: 'i-0b' } as const],
    ['a service', { kind: 'service', name: 'web' } as const],
    ['the empty canvas', null],
  ])('"Why here?" closes when %s is selected', (_what, next) => {
    explainTask('arn:task/a');
    expect(target()).toEqual({ kind: 'task', arn: 'arn:task/a' });
    select(next);
    expect(target()).toBeNull();
    expect(useExplainStore.getState().marks).toEqual({});
  });

  it('"Why here?" moves to the next task chip clicked', () => {
    explainTask('arn:task/a');
    explainTask('arn:task/b');
    expect(target()).toEqual({ kind: 'task', arn: 'arn:task/b' });
  });

  it('"Why not placed?" stays while an instance is selected to fix it', () => {
    explainService('batch');
    select({ kind: 'instance', id: 'i-0b' });
    expect(target()).toEqual({ kind: 'service', name: 'batch' });
  });
});
