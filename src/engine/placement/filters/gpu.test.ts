import { describe, expect, it } from 'vitest';
import { placeBatch } from '../fast/place-batch';
import { scanBatch } from '../fast/scan-batch';
import { placeTask } from '../place-task';
import { instance, request } from '../testing/builders';
import { placeSequence } from '../testing/place-sequence';
import { noRng, seededRng } from '../testing/seeded-rng';

// GPUs are a resource like CPU and memory (ecs-behavior §4.1: "CPU, GPU, memory and
// port needs"): a task takes whole GPUs and an instance without enough free is refused.

describe('GPU (§4.1)', () => {
  it('a GPU task refuses an instance without GPUs, reason RESOURCE:GPU', () => {
    const m5 = instance({ id: 'm5', type: 'm5.large' });
    const decision = placeTask(request({ gpus: 1 }), [m5], noRng);
    expect(decision.containerInstanceArn).toBeUndefined();
    expect(decision.failure).toEqual({
      reason: 'RESOURCE:GPU',
      closestMatch: 'The closest matching container-instance m5 has insufficient GPU available.',
      closestMatchArn: m5.containerInstanceArn,
      summary: '0/1 instances: 1 insufficient GPU',
    });
    expect(decision.trace.rejected?.[0]?.detail).toBe('needs 1 GPU, 0 free');
  });

  it('two 1-GPU tasks on a 1-GPU instance: the second is refused with RESOURCE:GPU', () => {
    const g4dn = instance({ id: 'g4dn', type: 'g4dn.xlarge', cpu: 4096, freeGpus: 1 });
    const { steps, instances } = placeSequence(request({ gpus: 1 }), [g4dn], noRng, 2);
    expect(steps[0]?.decision.containerInstanceArn).toBe(g4dn.containerInstanceArn);
    expect(steps[1]?.decision.failure?.reason).toBe('RESOURCE:GPU');
    expect(steps[1]?.decision.trace.rejected?.[0]?.detail).toBe('needs 1 GPU, 0 free');
    expect(instances[0]?.remainingGpus).toBe(0);
  });

  it('a 2-GPU task fits twice on 4 GPUs, and goes to the instance that has them', () => {
    const plain = instance({ id: 'plain', cpu: 65536, memoryMiB: 65536 });
    const big = instance({ id: 'big', cpu: 65536, memoryMiB: 65536, freeGpus: 4 });
    const { steps } = placeSequence(request({ gpus: 2 }), [plain, big], seededRng(3), 3);
    expect(steps.map((s) => s.decision.containerInstanceArn ?? s.decision.failure?.reason)).toEqual(
      [big.containerInstanceArn, big.containerInstanceArn, 'RESOURCE:GPU'],
    );
    expect(steps[2]?.decision.failure?.summary).toBe('0/2 instances: 2 insufficient GPU');
  });

  it('CPU is checked before GPU, GPU before memory (§4.1 order)', () => {
    const tight = instance({ id: 't', freeCpu: 0, freeMemoryMiB: 0 });
    expect(placeTask(request({ gpus: 1 }), [tight], noRng).failure?.reason).toBe('RESOURCE:CPU');
    const noMemory = instance({ id: 'n', freeMemoryMiB: 0 });
    expect(placeTask(request({ gpus: 1 }), [noMemory], noRng).failure?.reason).toBe('RESOURCE:GPU');
  });

  it('a task without GPUs ignores them: same trace as before, GPUs left alone', () => {
    const g = instance({ id: 'g', freeGpus: 1 });
    const { steps, instances } = placeSequence(request(), [g], noRng, 1);
    expect(steps[0]?.decision.trace.rejectedCounts).toEqual([]);
    expect(instances[0]?.remainingGpus).toBe(1);
    const noGpus = placeSequence(request(), [instance({ id: 'x' })], noRng, 1).instances[0];
    expect(noGpus && 'remainingGpus' in noGpus).toBe(false);
  });

  it('the batch placer takes GPUs as the scan does and fails the same way', () => {
    const instances = [
      instance({ id: 'a', az: 'us-east-1a', cpu: 16384, memoryMiB: 65536, freeGpus: 1 }),
      instance({ id: 'b', az: 'us-east-1b', cpu: 16384, memoryMiB: 65536, freeGpus: 4 }),
      instance({ id: 'c', az: 'us-east-1c', cpu: 16384, memoryMiB: 65536 }),
    ];
    const req = request({ gpus: 1 });
    const fast = placeBatch(req, instances, 7, seededRng(5));
    const scan = scanBatch(req, instances, 7, seededRng(5));
    expect(fast.path).toBe('indexed');
    expect({ ...fast, path: 'scan' }).toEqual(scan);
    expect(fast.placedCount).toBe(5);
    expect(fast.failed?.failure?.reason).toBe('RESOURCE:GPU');
    expect(fast.instances.map((i) => i.remainingGpus)).toEqual([0, 0, undefined]);
  });
});
