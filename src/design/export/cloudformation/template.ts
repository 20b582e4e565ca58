import type { DesignDocument } from '../../document';
import { TemplateBuilder } from './builder';
import { writeClusters, writeServices, writeTaskDefinitions } from './ecs';
import { writeLoadBalancing } from './elb';
import { allocateIds } from './ids';
import { writeCapacity, writeScaling } from './scaling';

export interface CloudFormationTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters?: Record<string, unknown>;
  Resources: Record<string, unknown>;
}

/**
 * One CloudFormation template for the whole design: clusters and their capacity
 * (launch templates, Auto Scaling groups, capacity providers and their association),
 * task definitions, services, load balancing, service auto scaling and alarms, each
 * naming the others by Ref and Fn::GetAtt of their logical ids. What the design cannot
 * know (subnets, security groups, the VPC, the AMI) are Parameters, their Defaults what
 * the design gave. Berth's own parts (workloads, traffic, the script, container
 * instances registered by hand, the layout) have no resource and are not in it. The
 * same design gives the same template.
 */
export function cloudFormationTemplate(design: DesignDocument): CloudFormationTemplate {
  const b = new TemplateBuilder(design);
  const ids = allocateIds(b, design);
  writeClusters(b, ids);
  writeCapacity(b, ids);
  writeTaskDefinitions(b, ids);
  writeLoadBalancing(b, ids);
  writeServices(b, ids);
  writeScaling(b, ids);
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Berth design: ${design.name}`,
    ...(Object.keys(b.parameters).length > 0 ? { Parameters: b.parameters } : {}),
    Resources: b.resources,
  };
}
