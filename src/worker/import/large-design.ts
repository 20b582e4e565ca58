import { b4Design } from '../../bench/frames-design';

/**
 * A design of about `bytes` characters for the large-import tests: the 150-instance
 * bench cluster (B4) with as many extra task-definition families as it takes, each a
 * container with 40 environment variables, as a real account's long history reads.
 */
export function largeDesign(bytes: number): Record<string, unknown> {
  const design = b4Design();
  const families: object[] = [];
  const one = (n: number) => ({
    family: `batch-${n}`,
    networkMode: 'bridge',
    containerDefinitions: [
      {
        name: 'job',
        image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/batch/job-${n}:2026.01.${n % 28}`,
        cpu: 256,
        memory: 512,
        environment: Array.from({ length: 40 }, (_, i) => ({
          name: `SETTING_${i}`,
          value: `value ${i} of job ${n}: a configuration string of some length`,
        })),
      },
    ],
  });
  const size = JSON.stringify(one(0)).length + 1;
  const base = JSON.stringify(design).length;
  const count = Math.max(0, Math.ceil((bytes - base) / size));
  for (let n = 0; n < count; n++) families.push(one(n));
  return { ...design, taskDefinitions: [...(design.taskDefinitions as object[]), ...families] };
}
