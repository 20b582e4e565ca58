import { agentCluster, decodeBase64 } from '../../design/capacity-references';

/**
 * What an instance's user data tells the ECS agent (AGENT: /etc/ecs/ecs.config lines such
 * as `echo ECS_CLUSTER=web >> /etc/ecs/ecs.config`). EC2 takes user data base64; a design
 * may give it as plain text too.
 */

export interface AgentConfig {
  /** ECS_CLUSTER; the agent's own default is `default`. */
  cluster: string;
  /** ECS_INSTANCE_ATTRIBUTES, a JSON object of custom attributes. */
  attributes: Record<string, string>;
}

export function agentConfigOf(userData: string | undefined): AgentConfig {
  const text = userData === undefined ? '' : (decodeBase64(userData) ?? userData);
  const config: AgentConfig = { cluster: 'default', attributes: {} };
  config.cluster = agentCluster(userData) ?? 'default';
  const attributes = /ECS_INSTANCE_ATTRIBUTES=(?:'|")?(\{[^\n']*\})/.exec(text);
  if (attributes?.[1]) {
    try {
      const parsed: unknown = JSON.parse(attributes[1]);
      if (typeof parsed === 'object' && parsed !== null) {
        for (const [k, v] of Object.entries(parsed)) {
          if (typeof v === 'string') config.attributes[k] = v;
        }
      }
    } catch {
      // The agent refuses to start on bad JSON; Berth keeps the instance without them.
    }
  }
  return config;
}
