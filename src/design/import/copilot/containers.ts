import type { ContainerDefinition, HealthCheck, PortMapping } from '../../aws-shapes';
import type { Ctx } from './context';
import { isMap, shellWords } from './reader';

type Container = ContainerDefinition & Record<string, unknown>;

/** `8080`, `"8080"` or `"8080/udp"`: a port and its protocol. */
export function portOf(value: unknown): { port: number; protocol: 'tcp' | 'udp' } | undefined {
  const m = /^(\d+)(?:\/(tcp|udp))?$/i.exec(String(value ?? '').trim());
  if (!m) return undefined;
  return { port: Number(m[1]), protocol: (m[2]?.toLowerCase() as 'tcp' | 'udp') ?? 'tcp' };
}

/** Copilot's `image` of the main container or of a sidecar: a location, or a build. */
function imageOf(ctx: Ctx, at: string, fallbackName: string): string {
  const { m } = ctx;
  const value = m.peek(at);
  if (typeof value === 'string') {
    m.touch(at);
    return value;
  }
  const location = m.str(`${at}.location`);
  if (location !== undefined) return location;
  if (m.peek(`${at}.build`) !== undefined) {
    m.touch(`${at}.build`);
    m.warn(
      `${at}.build`,
      `Copilot builds this image from a Dockerfile: Berth has no image, so it uses ${fallbackName}:latest`,
    );
    return `${fallbackName}:latest`;
  }
  m.fail(at, 'needs location or build');
  return `${fallbackName}:latest`;
}

/** `command` and `entrypoint`: a list as it is, a string split as a shell would. */
function wordsOf(ctx: Ctx, at: string): string[] | undefined {
  const v = ctx.m.get(at);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return shellWords(v);
  if (Array.isArray(v)) return v.map(String);
  ctx.m.fail(at, 'must be a string or a list of strings');
  return undefined;
}

function environmentOf(ctx: Ctx, at: string, copilotVars: boolean) {
  const out: { name: string; value: string }[] = [];
  if (copilotVars) {
    // What Copilot sets in every main container (template partials/cf/envvars-common.yml).
    if (ctx.app) out.push({ name: 'COPILOT_APPLICATION_NAME', value: ctx.app });
    if (ctx.env) out.push({ name: 'COPILOT_ENVIRONMENT_NAME', value: ctx.env });
    out.push({ name: 'COPILOT_SERVICE_NAME', value: ctx.name });
  }
  const vars = ctx.m.peek(at);
  if (!isMap(vars)) return out;
  for (const [name, value] of Object.entries(vars)) {
    const path = `${at}.${name}`;
    if (isMap(value)) continue; // `from_cfn`: left for the unread warning.
    ctx.m.touch(path);
    out.push({ name, value: value === null || value === undefined ? '' : String(value) });
  }
  return out;
}

/**
 * `secrets`: an SSM parameter name or ARN as it is; `secretsmanager: <name>` as the ARN
 * Copilot writes (`arn:aws:secretsmanager:<region>:<account>:secret:<name>`).
 */
function secretsOf(ctx: Ctx, at: string) {
  const out: { name: string; valueFrom: string }[] = [];
  const secrets = ctx.m.peek(at);
  if (!isMap(secrets)) return out;
  for (const [name, value] of Object.entries(secrets)) {
    const path = `${at}.${name}`;
    if (typeof value === 'string') {
      ctx.m.touch(path);
      out.push({ name, valueFrom: value });
    } else if (isMap(value) && typeof value.secretsmanager === 'string') {
      ctx.m.touch(path);
      const arn = value.secretsmanager.startsWith('arn:')
        ? value.secretsmanager
        : `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${value.secretsmanager}`;
      out.push({ name, valueFrom: arn });
    }
  }
  return out;
}

/** Copilot's container health check defaults (docs: image.healthcheck): 10 s, 2, 5 s, 0 s. */
function healthCheckOf(ctx: Ctx, at: string): HealthCheck | undefined {
  const { m } = ctx;
  if (!isMap(m.peek(at))) return undefined;
  const command = m.get(`${at}.command`);
  if (!Array.isArray(command)) {
    m.fail(`${at}.command`, 'needs a list such as ["CMD-SHELL", "curl -f http://localhost/"]');
    return undefined;
  }
  return {
    command: command.map(String),
    interval: m.seconds(`${at}.interval`) ?? 10,
    timeout: m.seconds(`${at}.timeout`) ?? 5,
    retries: m.int(`${at}.retries`) ?? 2,
    startPeriod: m.seconds(`${at}.start_period`) ?? 0,
  };
}

const CONDITIONS: Record<string, string> = {
  start: 'START',
  healthy: 'HEALTHY',
  complete: 'COMPLETE',
  success: 'SUCCESS',
};

/** What the main container and sidecars share: the fields of Copilot's image config. */
function commonFields(ctx: Ctx, at: string, prefix: string): Record<string, unknown> {
  const { m } = ctx;
  const out: Record<string, unknown> = {};
  const dependsOn = m.peek(`${at}depends_on`);
  if (isMap(dependsOn)) {
    m.touch(`${at}depends_on`);
    out.dependsOn = Object.entries(dependsOn).map(([containerName, c]) => ({
      containerName,
      condition: CONDITIONS[String(c).toLowerCase()] ?? String(c).toUpperCase(),
    }));
  }
  const labels = m.get(`${at}labels`);
  if (isMap(labels))
    out.dockerLabels = Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)]));
  const credentials = m.str(`${at}credentials`) ?? m.str(`${prefix}credentialsParameter`);
  if (credentials) out.repositoryCredentials = { credentialsParameter: credentials };
  return out;
}

/** The main container: named as the service, running the manifest's image. */
export function mainContainer(ctx: Ctx): Container {
  const { m } = ctx;
  const image = imageOf(ctx, 'image', ctx.name);
  const container: Container = { name: ctx.name, image, essential: true };
  const port = m.get('image.port');
  if (port !== undefined && port !== null) {
    const p = portOf(port);
    if (!p) m.fail('image.port', 'must be a port number');
    else container.portMappings = [{ containerPort: p.port, protocol: p.protocol, name: 'target' }];
  }
  Object.assign(container, commonFields(ctx, 'image.', ''));
  const environment = environmentOf(ctx, 'variables', true);
  if (environment.length > 0) container.environment = environment;
  const secrets = secretsOf(ctx, 'secrets');
  if (secrets.length > 0) container.secrets = secrets;
  const entryPoint = wordsOf(ctx, 'entrypoint');
  if (entryPoint) container.entryPoint = entryPoint;
  const command = wordsOf(ctx, 'command');
  if (command) container.command = command;
  const healthCheck = healthCheckOf(ctx, 'image.healthcheck');
  if (healthCheck) container.healthCheck = healthCheck;
  if (m.bool('storage.readonly_fs') === true) container.readonlyRootFilesystem = true;
  // Copilot's awslogs (partials/cf/logconfig.yml), to the log group /copilot/<family>;
  // with `logging` it is FireLens, which is left out with a warning.
  if (m.peek('logging') === undefined)
    container.logConfiguration = {
      logDriver: 'awslogs',
      options: {
        'awslogs-region': ctx.region,
        'awslogs-group': `/copilot/${ctx.family}`,
        'awslogs-stream-prefix': 'copilot',
      },
    };
  return container;
}

/** `sidecars.<name>`: more containers in the task, essential unless they say not. */
export function sidecarContainers(ctx: Ctx): Container[] {
  const { m } = ctx;
  const sidecars = m.peek('sidecars');
  if (!isMap(sidecars)) return [];
  return Object.keys(sidecars).map((name) => {
    const at = `sidecars.${name}`;
    const container: Container = {
      name,
      image: imageOf(ctx, `${at}.image`, name),
      essential: m.bool(`${at}.essential`) ?? true,
    };
    const port = m.get(`${at}.port`);
    if (port !== undefined && port !== null) {
      const p = portOf(port);
      if (!p) m.fail(`${at}.port`, 'must be a port such as 80 or 2000/udp');
      else container.portMappings = [{ containerPort: p.port, protocol: p.protocol }];
    }
    const imageAt = isMap(m.peek(`${at}.image`)) ? `${at}.image.` : `${at}.`;
    Object.assign(container, commonFields(ctx, imageAt, `${at}.`));
    if (imageAt !== `${at}.`) Object.assign(container, commonFields(ctx, `${at}.`, `${at}.`));
    const environment = environmentOf(ctx, `${at}.variables`, false);
    if (environment.length > 0) container.environment = environment;
    const secrets = secretsOf(ctx, `${at}.secrets`);
    if (secrets.length > 0) container.secrets = secrets;
    const entryPoint = wordsOf(ctx, `${at}.entrypoint`);
    if (entryPoint) container.entryPoint = entryPoint;
    const command = wordsOf(ctx, `${at}.command`);
    if (command) container.command = command;
    const healthCheck = healthCheckOf(ctx, `${at}.healthcheck`);
    if (healthCheck) container.healthCheck = healthCheck;
    const mounts = m.get(`${at}.mount_points`);
    if (Array.isArray(mounts))
      container.mountPoints = mounts.filter(isMap).map((p) => ({
        sourceVolume: String(p.source_volume ?? ''),
        containerPath: String(p.path ?? ''),
        readOnly: p.read_only !== false,
      }));
    return container;
  });
}

/** A port the load balancer sends to, on the container it names, as Copilot exposes it. */
export function ensurePort(container: Container, port: number, protocol: 'tcp' | 'udp'): void {
  const mappings: PortMapping[] = container.portMappings ?? [];
  if (!mappings.some((p) => p.containerPort === port))
    mappings.push({ containerPort: port, protocol });
  container.portMappings = mappings;
}
