/**
 * CloudFormation spells ECS's properties in PascalCase (`ContainerDefinitions`), the ECS
 * API in camelCase (`containerDefinitions`). Most names differ only in the first letter;
 * these do not (checked against the resource specification in case.test.ts).
 */
const CFN_TO_API: Readonly<Record<string, string>> = {
  ProxyConfigurationProperties: 'properties',
  EFSVolumeConfiguration: 'efsVolumeConfiguration',
  FilesystemId: 'fileSystemId',
  IAM: 'iam',
  FSxWindowsFileServerVolumeConfiguration: 'fsxWindowsFileServerVolumeConfiguration',
  PlacementStrategies: 'placementStrategy',
  ClusterSettings: 'settings',
};
/** The way back; `fileSystemId` is `FilesystemId` in EFS volumes only (FSx spells it `FileSystemId`). */
const API_TO_CFN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CFN_TO_API)
    .filter(([cfn]) => cfn !== 'FilesystemId')
    .map(([cfn, api]) => [api, cfn]),
);

/** Objects whose keys are data (log driver options, Docker labels): kept as written. */
export const MAP_PROPERTIES: ReadonlySet<string> = new Set([
  'Options',
  'DockerLabels',
  'DriverOpts',
  'Labels',
]);
const MAP_PROPERTIES_API = new Set([...MAP_PROPERTIES].map((k) => apiName(k)));

export function apiName(cfn: string): string {
  return CFN_TO_API[cfn] ?? cfn.charAt(0).toLowerCase() + cfn.slice(1);
}

export function cfnName(api: string, parent?: string): string {
  if (api === 'fileSystemId' && parent === 'efsVolumeConfiguration') return 'FilesystemId';
  return API_TO_CFN[api] ?? api.charAt(0).toUpperCase() + api.slice(1);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function renameKeys(
  value: unknown,
  rename: (key: string, parent?: string) => string,
  maps: ReadonlySet<string>,
  parent?: string,
): unknown {
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, rename, maps, parent));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[rename(key, parent)] =
      maps.has(key) && isObject(v) ? { ...v } : renameKeys(v, rename, maps, key);
  }
  return out;
}

/** CloudFormation's properties as the ECS API's input, all the way down. */
export function camelCaseKeys(value: unknown): unknown {
  return renameKeys(value, (key) => apiName(key), MAP_PROPERTIES);
}

/** The ECS API's input as CloudFormation's properties, all the way down. */
export function pascalCaseKeys(value: unknown): unknown {
  return renameKeys(value, cfnName, MAP_PROPERTIES_API);
}

/** A JSON path of the API's shape as CloudFormation spells it: `containerDefinitions[0].memory` -> `ContainerDefinitions[0].Memory`. */
export function cfnPath(apiPath: readonly PropertyKey[]): PropertyKey[] {
  const names = apiPath.filter((k): k is string => typeof k === 'string');
  return apiPath.map((k) => {
    if (typeof k !== 'string') return k;
    const parent = names[names.indexOf(k) - 1];
    return cfnName(k, parent);
  });
}
