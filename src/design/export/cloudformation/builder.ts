import type { DesignDocument } from '../../document';

/** One resource of the template, as CloudFormation takes it. */
export interface CfnResource {
  Type: string;
  DependsOn?: string[];
  Metadata?: { Berth: { PhysicalId: string } };
  Properties: Record<string, unknown>;
}

/**
 * The ARN or id the design gave a resource, which AWS assigns and a template cannot set:
 * kept in the resource's Metadata, so importing the template gives it back (and what
 * names it, traffic or CodeDeploy's listeners, still finds it).
 */
export const physicalId = (id: string | undefined): Pick<CfnResource, 'Metadata'> =>
  id === undefined ? {} : { Metadata: { Berth: { PhysicalId: id } } };

export interface CfnParameter {
  Type: string;
  Description: string;
  Default?: string;
}

export type Ref = { Ref: string };
export const ref = (id: string): Ref => ({ Ref: id });
export const getAtt = (id: string, attr: string) => ({ 'Fn::GetAtt': [id, attr] });

/** `web-api` -> `WebApi`: letters and digits only, as a logical id must be. */
export function pascalId(name: string): string {
  const id = name
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
  return id === '' ? 'X' : id;
}

/**
 * The template being written: resources and parameters in the order they are added (the
 * design's order), logical ids unique.
 */
export class TemplateBuilder {
  readonly resources: Record<string, CfnResource> = {};
  readonly parameters: Record<string, CfnParameter> = {};
  private readonly taken = new Set<string>();
  private readonly lists = new Map<string, string>();

  constructor(readonly design: DesignDocument) {}

  /** A fresh logical id from a resource's name and its kind: `WebService`, `WebService2`. */
  id(name: string, kind: string): string {
    const base = `${pascalId(name)}${kind}`.slice(0, 240);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}${n}`;
    this.taken.add(id);
    return id;
  }

  add(id: string, resource: CfnResource): void {
    const { DependsOn, ...rest } = resource;
    this.resources[id] = DependsOn && DependsOn.length > 0 ? { ...rest, DependsOn } : rest;
  }

  /**
   * A parameter for what the design cannot know (the account's subnets, security groups,
   * VPC): one per distinct list, its Default what the design gave, so the same design
   * gives the same parameters.
   */
  listParameter(
    base: string,
    type: string,
    description: string,
    values: readonly string[] | undefined,
  ): Ref {
    const key = `${type}:${JSON.stringify(values ?? null)}`;
    const known = this.lists.get(key);
    if (known) return ref(known);
    let name = base;
    for (let n = 2; this.parameters[name] !== undefined; n++) name = `${base}${n}`;
    this.parameters[name] = {
      Type: type,
      Description: description,
      ...(values && values.length > 0 ? { Default: values.join(',') } : {}),
    };
    this.lists.set(key, name);
    return ref(name);
  }

  subnets(values: readonly string[] | undefined): Ref {
    return this.listParameter(
      'Subnets',
      'List<AWS::EC2::Subnet::Id>',
      'Subnets in your VPC, one or more per Availability Zone',
      values,
    );
  }

  securityGroups(values: readonly string[] | undefined): Ref {
    return this.listParameter(
      'SecurityGroups',
      'List<AWS::EC2::SecurityGroup::Id>',
      'Security groups in your VPC',
      values,
    );
  }

  vpc(value: string | undefined): Ref {
    const type = 'AWS::EC2::VPC::Id';
    const key = `${type}:${JSON.stringify(value ?? null)}`;
    const known = this.lists.get(key);
    if (known) return ref(known);
    let name = 'VpcId';
    for (let n = 2; this.parameters[name] !== undefined; n++) name = `VpcId${n}`;
    this.parameters[name] = {
      Type: type,
      Description: 'The VPC of the target groups',
      ...(value ? { Default: value } : {}),
    };
    this.lists.set(key, name);
    return ref(name);
  }

  imageId(): Ref {
    this.parameters.ImageId ??= {
      Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
      Description: 'The ECS-optimized AMI of the container instances',
      Default: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
    };
    return ref('ImageId');
  }
}
