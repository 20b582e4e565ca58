import type { ContainerDefinition, RegisterTaskDefinitionInput } from '../../aws-shapes';
import { mainContainer, sidecarContainers } from './containers';
import type { Ctx } from './context';
import { isMap } from './reader';

export type TaskDefinition = RegisterTaskDefinitionInput & Record<string, unknown>;
type Container = ContainerDefinition & Record<string, unknown>;

const OS_FAMILIES: Record<string, string> = {
  windows: 'WINDOWS_SERVER_2019_CORE',
  windows_server_2019_core: 'WINDOWS_SERVER_2019_CORE',
  windows_server_2019_full: 'WINDOWS_SERVER_2019_FULL',
  windows_server_2022_core: 'WINDOWS_SERVER_2022_CORE',
  windows_server_2022_full: 'WINDOWS_SERVER_2022_FULL',
  linux: 'LINUX',
};

/**
 * `platform`: `linux/arm64`, `windows/x86_64`, or `{ osfamily, architecture }`. Copilot
 * writes no RuntimePlatform for its default, linux/x86_64 (transformers.go convertPlatform).
 */
function runtimePlatformOf(ctx: Ctx): TaskDefinition['runtimePlatform'] {
  const { m } = ctx;
  const value = m.peek('platform');
  if (value === undefined || value === null) return undefined;
  let os: string;
  let arch: string;
  if (typeof value === 'string') {
    m.touch('platform');
    [os = 'linux', arch = 'x86_64'] = value.toLowerCase().split('/');
  } else {
    os = (m.str('platform.osfamily') ?? 'linux').toLowerCase();
    arch = (m.str('platform.architecture') ?? 'x86_64').toLowerCase();
  }
  const family = OS_FAMILIES[os];
  if (!family) {
    m.fail('platform', `has an operating system Copilot does not take: ${os}`);
    return undefined;
  }
  const cpuArchitecture = arch === 'arm64' || arch === 'arm' ? 'ARM64' : 'X86_64';
  if (family === 'LINUX' && cpuArchitecture === 'X86_64') return undefined;
  return { cpuArchitecture, operatingSystemFamily: family };
}

/**
 * `storage.volumes`: a task volume each, mounted in the main container at `path`
 * (read-only unless `read_only: false`, Copilot's default). An EFS id becomes the
 * volume's file system; Copilot's managed EFS (`efs: true`) has none to name.
 */
function volumesOf(ctx: Ctx, main: Container): Record<string, unknown>[] {
  const { m } = ctx;
  const volumes = m.peek('storage.volumes');
  if (!isMap(volumes)) return [];
  const out: Record<string, unknown>[] = [];
  const mounts: Record<string, unknown>[] = [];
  for (const name of Object.keys(volumes)) {
    const at = `storage.volumes.${name}`;
    const volume: Record<string, unknown> = { name };
    const path = m.str(`${at}.path`);
    if (path === undefined) m.fail(`${at}.path`, 'is required: where the volume is mounted');
    else
      mounts.push({
        sourceVolume: name,
        containerPath: path,
        readOnly: m.bool(`${at}.read_only`) ?? true,
      });
    const efs = m.peek(`${at}.efs`);
    const id = m.peek(`${at}.efs.id`);
    if (typeof id === 'string') {
      m.touch(`${at}.efs.id`);
      const config: Record<string, unknown> = {
        fileSystemId: id,
        rootDirectory: m.str(`${at}.efs.root_dir`) ?? '/',
        transitEncryption: 'ENABLED',
      };
      const accessPointId = m.str(`${at}.efs.auth.access_point_id`);
      const iam = m.bool(`${at}.efs.auth.iam`) ?? true;
      config.authorizationConfig = {
        ...(accessPointId ? { accessPointId } : {}),
        iam: iam ? 'ENABLED' : 'DISABLED',
      };
      volume.efsVolumeConfiguration = config;
    } else if (isMap(id) && 'from_cfn' in id) {
      m.touch(`${at}.efs`);
      m.warn(
        `${at}.efs.id`,
        'is a CloudFormation export, which Berth cannot look up: the volume is kept without its file system',
      );
    } else if (efs === true || (isMap(efs) && id === undefined)) {
      m.touch(`${at}.efs`);
      m.warn(
        `${at}.efs`,
        "is Copilot's managed EFS file system, which Berth does not create: the volume is kept without one",
      );
    } else if (efs === false) {
      m.touch(`${at}.efs`);
    }
    out.push(volume);
  }
  if (mounts.length > 0) main.mountPoints = [...mounts, ...((main.mountPoints as []) ?? [])];
  return out;
}

/**
 * What Copilot registers (partials/cf/fargate-taskdef-base-properties.yml): Fargate,
 * awsvpc, task-level cpu and memory (256 and 512 when absent, Copilot's defaults; 1024
 * and 2048 for Windows), the main container first, then the sidecars.
 */
export function taskDefinitionOf(ctx: Ctx): { td: TaskDefinition; containers: Container[] } {
  const { m } = ctx;
  const main = mainContainer(ctx);
  const sidecars = sidecarContainers(ctx);
  const runtimePlatform = runtimePlatformOf(ctx);
  const windows = runtimePlatform?.operatingSystemFamily?.startsWith('WINDOWS') ?? false;
  const cpu = m.int('cpu') ?? (windows ? 1024 : 256);
  const memory = m.int('memory') ?? (windows ? 2048 : 512);
  const volumes = volumesOf(ctx, main);
  const containers = [main, ...sidecars];
  const td: TaskDefinition = {
    family: ctx.family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: String(cpu),
    memory: String(memory),
    ...(runtimePlatform ? { runtimePlatform } : {}),
    containerDefinitions: containers,
  };
  const ephemeral = m.int('storage.ephemeral');
  if (ephemeral !== undefined) td.ephemeralStorage = { sizeInGiB: ephemeral };
  if (volumes.length > 0) td.volumes = volumes;
  return { td, containers };
}
