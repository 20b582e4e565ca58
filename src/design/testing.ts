import type { ContainerInstance, RegisterTaskDefinitionInput } from './aws-shapes';
import type { DesignDocument, DesignInput } from './document';
import { parseDesign } from './parse';
import { sampleDesign } from './sample';

/** Test builders for design documents; used by tests here and elsewhere. */

/** A deep copy of the sample, as plain JSON, so a test can break it freely. */
export function sampleJson(): Record<string, unknown> & DesignInput {
  return JSON.parse(JSON.stringify(sampleDesign));
}

export function taskDefinition(
  family: string,
  extra: Partial<RegisterTaskDefinitionInput> = {},
): RegisterTaskDefinitionInput {
  return {
    family,
    containerDefinitions: [{ name: family, image: `example/${family}:1`, cpu: 256, memory: 512 }],
    ...extra,
  };
}

export function instance(
  ec2InstanceId: string,
  extra: Partial<ContainerInstance> = {},
): ContainerInstance {
  return { ec2InstanceId, instanceType: 'm5.large', availabilityZone: 'us-east-1a', ...extra };
}

/** The smallest valid design, with whatever a test adds. */
export function designInput(extra: Partial<DesignInput> = {}): DesignInput {
  return {
    formatVersion: 1,
    name: 'test',
    seed: 1,
    region: 'us-east-1',
    clusters: [{ clusterName: 'demo' }],
    ...extra,
  };
}

/** Parses and fails the test with the gate's own message if the design is refused. */
export function parsedDesign(input: unknown): DesignDocument {
  const result = parseDesign(input);
  if (!result.ok) throw new Error(`design refused:\n${result.message}`);
  return result.design;
}

/** The gate's message lines for a design it should refuse. */
export function refusal(input: unknown): string[] {
  const result = parseDesign(input);
  if (result.ok) throw new Error('design was accepted');
  return result.message.split('\n');
}
