import {
  clusterNameOf,
  type DesignDocument,
  type RegisterTaskDefinitionInput,
  type RunTaskInput,
} from '../../../design';
import {
  fargateNetwork,
  launchTypeRefusalOf,
  type PaletteLaunchType,
  taskDefinitionFor,
} from './launch-type';

/** What the palette's task card asks for: a family (its latest revision, or a new one) and how many. */
export interface NewTask {
  family: string;
  /** For a family the design does not have yet: its container. */
  image: string;
  cpu: number;
  memoryMiB: number;
  count: number;
  launchType: PaletteLaunchType;
}

/** The new family's task definition: one essential container, no ports (a job, not a server). */
function jobDefinition(form: NewTask): RegisterTaskDefinitionInput {
  const networkMode = form.launchType === 'FARGATE' ? 'awsvpc' : 'bridge';
  return taskDefinitionFor(
    {
      family: form.family,
      networkMode,
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [
        {
          name: form.family,
          image: form.image,
          cpu: form.cpu,
          memory: form.memoryMiB,
          essential: true,
        },
      ],
    },
    form.launchType,
  );
}

export interface StandaloneTask {
  /** With the family's task definition and workload when it is new. */
  design: DesignDocument;
  /** RegisterTaskDefinition for a new family (during a run it comes first). */
  register?: RegisterTaskDefinitionInput;
  runTask: RunTaskInput;
}

/**
 * RunTask of `form.family` in `cluster` (ecs-behavior §4.7): the family's latest revision
 * when the design has it, else a new one registered from the form. Nothing is placed
 * here: the caller puts the RunTask in the script (before a run) or applies it now.
 */
export function standaloneTask(
  design: DesignDocument,
  form: NewTask,
  cluster?: string,
): StandaloneTask | { refusal: string } {
  const name = clusterNameOf(design, cluster);
  const existing = design.taskDefinitions.find((t) => t.family === form.family);
  const networkMode =
    existing?.networkMode ?? (form.launchType === 'FARGATE' ? 'awsvpc' : 'bridge');
  const refusal = launchTypeRefusalOf(form.launchType, networkMode, false);
  if (refusal) return { refusal };
  const register = existing ? undefined : jobDefinition(form);
  const runTask: RunTaskInput = {
    cluster: name,
    taskDefinition: form.family,
    count: form.count,
    launchType: form.launchType,
    ...(networkMode === 'awsvpc' && { networkConfiguration: fargateNetwork(design, name) }),
  };
  if (!register) return { design, runTask };
  const workload = { family: form.family, imagePullSeconds: 6, startSeconds: 3, stopSeconds: 2 };
  return {
    design: {
      ...design,
      taskDefinitions: [...design.taskDefinitions, register],
      workloads: [...design.workloads, workload],
    },
    register,
    runTask,
  };
}

/** Before a run: the RunTask as the script's first moment, `{ at: 0, action: 'RunTask' }`. */
export function addRunTaskToScript(design: DesignDocument, runTask: RunTaskInput): DesignDocument {
  return { ...design, script: [...design.script, { at: 0, action: 'RunTask', input: runTask }] };
}
