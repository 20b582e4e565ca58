import { describe, expect, it } from 'vitest';
import { parseAppSpecText } from '../design';
import { holdsAppSpec, whenAppSpecsReadable } from './yaml-loader';

const YAML_SPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: web:2
        LoadBalancerInfo:
          ContainerName: web
          ContainerPort: 80
`;

describe('the YAML reader, loaded when an AppSpec needs it', () => {
  it('opens a text without an AppSpec at once, in the same call', () => {
    let opened = false;
    whenAppSpecsReadable(['{"name":"plain"}', null], () => {
      opened = true;
    });
    expect(opened).toBe(true);
  });

  it('waits for the reader when a text holds an AppSpec, then reads YAML', async () => {
    const text = JSON.stringify({ appSpecContent: { content: YAML_SPEC } });
    expect(holdsAppSpec(text)).toBe(true);
    const opened = new Promise<void>((resolve) => whenAppSpecsReadable([text], resolve));
    await opened;
    expect(parseAppSpecText(YAML_SPEC)).toMatchObject({
      spec: { Resources: [{ TargetService: { Type: 'AWS::ECS::Service' } }] },
    });
  });
});
