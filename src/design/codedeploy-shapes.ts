import { z } from 'zod';

/** Reads YAML text (the yaml package's parse, as the page loads it or an entry installs it). */
export type ReadYaml = (text: string) => unknown;

async function yamlReader(): Promise<ReadYaml> {
  const { parse } = await import('yaml');
  return (text) => parse(text, { prettyErrors: false });
}

/**
 * YAML reads an AppSpec that is not JSON. In Node (the CLI, tests, benchmarks) it loads
 * with this module. The page's main thread, where yaml would add 28 kB gzip to the first
 * render, loads it (loadYamlReader) before the gate reads a text with an AppSpec in it;
 * the simulation worker installs it as it starts (installYamlReader): a top-level await
 * there would let comlink's first message arrive before the worker listens. Until then
 * JSON, which YAML reads the same, is read without it.
 */
let readYaml: ReadYaml | undefined = 'process' in globalThis ? await yamlReader() : undefined;

/** Loads the YAML reader of AppSpec texts; every later call is free. */
export async function loadYamlReader(): Promise<void> {
  readYaml ??= await yamlReader();
}

/** For an entry that imports yaml statically (the simulation worker). */
export function installYamlReader(read: ReadYaml): void {
  readYaml = read;
}

function readAppSpecText(text: string): unknown {
  if (readYaml) return readYaml(text);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('the YAML reader is not loaded yet');
  }
}

/**
 * CodeDeploy inputs for ECS blue/green (ecs-behavior §10), camelCase as the CodeDeploy API
 * takes them: CreateApplication, CreateDeploymentGroup, CreateDeploymentConfig and
 * CreateDeployment; and the Lambda functions its lifecycle hooks call.
 */

export const CodeDeployApplication = z.looseObject({
  applicationName: z.string().min(1).max(100),
  computePlatform: z.enum(['ECS', 'Server', 'Lambda']).optional(),
});

export const DeploymentConfig = z.looseObject({
  deploymentConfigName: z.string().min(1).max(100),
  computePlatform: z.enum(['ECS', 'Server', 'Lambda']).optional(),
  trafficRoutingConfig: z.looseObject({
    type: z.enum(['TimeBasedCanary', 'TimeBasedLinear', 'AllAtOnce']),
    timeBasedCanary: z
      .looseObject({
        canaryPercentage: z.number().int().min(1).max(99),
        canaryInterval: z.number().int().min(1),
      })
      .optional(),
    timeBasedLinear: z
      .looseObject({
        linearPercentage: z.number().int().min(1).max(99),
        linearInterval: z.number().int().min(1),
      })
      .optional(),
  }),
});
export type DeploymentConfig = z.infer<typeof DeploymentConfig>;

export const DeploymentGroup = z.looseObject({
  applicationName: z.string().min(1),
  deploymentGroupName: z.string().min(1).max(100),
  deploymentConfigName: z.string().optional(),
  serviceRoleArn: z.string().optional(),
  ecsServices: z
    .array(z.looseObject({ serviceName: z.string().min(1), clusterName: z.string().min(1) }))
    .length(1, 'takes one ECS service'),
  loadBalancerInfo: z.looseObject({
    targetGroupPairInfoList: z
      .array(
        z.looseObject({
          targetGroups: z
            .array(z.looseObject({ name: z.string().min(1) }))
            .length(2, 'needs the blue and the green target group'),
          prodTrafficRoute: z.looseObject({ listenerArns: z.array(z.string().min(1)).length(1) }),
          testTrafficRoute: z
            .looseObject({ listenerArns: z.array(z.string().min(1)).max(1) })
            .optional(),
        }),
      )
      .length(1, 'takes one target group pair'),
  }),
  blueGreenDeploymentConfiguration: z
    .looseObject({
      terminateBlueInstancesOnDeploymentSuccess: z
        .looseObject({
          action: z.enum(['TERMINATE', 'KEEP_ALIVE']).optional(),
          terminationWaitTimeInMinutes: z
            .number()
            .int()
            .min(0)
            .max(2880, 'must be at most 2,880 minutes (2 days)')
            .optional(),
        })
        .optional(),
    })
    .optional(),
  autoRollbackConfiguration: z
    .looseObject({ enabled: z.boolean(), events: z.array(z.string()).optional() })
    .optional(),
});
export type DeploymentGroup = z.infer<typeof DeploymentGroup>;

export const CodeDeploy = z.looseObject({
  applications: z.array(CodeDeployApplication).default([]),
  deploymentGroups: z.array(DeploymentGroup).default([]),
  deploymentConfigs: z.array(DeploymentConfig).optional(),
});

/** A lifecycle hook's function and how its run ends (Berth's: AWS has no such field). */
export const LambdaFunction = z.looseObject({
  FunctionName: z.string().min(1),
  FunctionArn: z.string().optional(),
  hookExecutionStatus: z.enum(['Succeeded', 'Failed']),
});

/** The AppSpec of an ECS deployment: the task definition, the container, the hooks. */
export const AppSpec = z.looseObject({
  version: z.union([z.string(), z.number()]).optional(),
  Resources: z
    .array(
      z.looseObject({
        TargetService: z.looseObject({
          Type: z.literal('AWS::ECS::Service'),
          Properties: z.looseObject({
            TaskDefinition: z.string().min(1),
            LoadBalancerInfo: z.looseObject({
              ContainerName: z.string(),
              ContainerPort: z.number(),
            }),
          }),
        }),
      }),
    )
    .length(1, 'takes one TargetService'),
  Hooks: z.array(z.record(z.string(), z.string())).optional(),
});
export type AppSpec = z.infer<typeof AppSpec>;

/**
 * An AppSpec written out, as CreateDeployment's `appSpecContent.content` takes it: YAML
 * or JSON (YAML reads JSON too), or the reason it is not one.
 */
export function parseAppSpecText(text: string): { spec: AppSpec } | { error: string } {
  let value: unknown;
  try {
    value = readAppSpecText(text);
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return { error: `is not YAML or JSON: ${first}` };
  }
  const parsed = AppSpec.safeParse(value);
  if (parsed.success) return { spec: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return {
    error: `is not an AppSpec with one AWS::ECS::Service TargetService (${where}${issue?.message ?? 'invalid'})`,
  };
}

/** CreateDeployment (CodeDeploy), with the AppSpec as content: YAML or JSON text, or an object. */
export const CreateDeploymentInput = z.looseObject({
  applicationName: z.string().min(1),
  deploymentGroupName: z.string().min(1),
  deploymentConfigName: z.string().optional(),
  revision: z.looseObject({
    revisionType: z.literal('AppSpecContent'),
    appSpecContent: z.looseObject({
      content: z.union([
        z.string().superRefine((text, ctx) => {
          const r = parseAppSpecText(text);
          if ('error' in r) ctx.addIssue({ code: 'custom', message: r.error });
        }),
        AppSpec,
      ]),
    }),
  }),
});
export type CreateDeploymentInput = z.infer<typeof CreateDeploymentInput>;
