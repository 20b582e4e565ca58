import type { RegisterTaskDefinitionInput } from './aws-shapes';
import type { DesignIssue } from './issues';

/**
 * What RegisterTaskDefinition refuses about GPUs and Elastic Inference accelerators
 * (API ResourceRequirement, InferenceAccelerator), the rules a person can break
 * without the schema seeing it. `at` is the task definition's path, as for
 * checkTaskDefinition.
 *
 * Model: the current guide also accepts `ALL` and fractional values (for G6f
 * fractional-GPU instances, DG:ecs-gpu-specifying); Berth models whole GPUs only and
 * says so. The messages are Berth's: the docs give none for these refusals.
 */
export function checkAcceleratorRules(td: RegisterTaskDefinitionInput, at: string): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const fargate = td.requiresCompatibilities?.includes('FARGATE') ?? false;
  const devices = new Set((td.inferenceAccelerators ?? []).map((a) => a.deviceName));
  td.containerDefinitions.forEach((c, i) => {
    c.resourceRequirements?.forEach((r, j) => {
      const path = `${at}.containerDefinitions[${i}].resourceRequirements[${j}]`;
      if (r.type === 'GPU') {
        if (!/^[1-9]\d*$/.test(r.value.trim())) {
          issues.push({
            path: `${path}.value`,
            message: `must be a whole number of GPUs such as "1", not ${JSON.stringify(r.value)} (Berth does not model "ALL" or fractional GPUs)`,
          });
        }
        // The Fargate guide lists `gpu` among the parameters Fargate tasks do not support.
        if (fargate) {
          issues.push({
            path: `${path}.type`,
            message: 'GPU is not supported for a FARGATE task definition: GPUs need EC2 instances',
          });
        }
      } else if (!devices.has(r.value)) {
        issues.push({
          path: `${path}.value`,
          message: `names the accelerator ${JSON.stringify(r.value)}, which is not a deviceName in this task definition's inferenceAccelerators`,
        });
      }
    });
  });
  return issues;
}
