import { memo, useMemo, useState } from 'react';
import type { CreateServiceInput, DesignDocument } from '../../design';
import {
  type AssignPublicIp,
  checkSecurityGroups,
  checkSubnets,
  type IdsChecked,
  isAwsvpc,
  networkOf,
  otherSubnets,
  splitIds,
  subnetsWithOthers,
  subnetsWithZone,
  zoneSubnetsOf,
} from '../../store/edits/network';
import { setNetworkConfiguration } from '../../store/network-actions';
import { isPristine, useRunStore } from '../../store/run';
import { SelectField } from '../forms/ChoiceFields';
import { Field } from '../forms/Field';
import type { Validator } from '../forms/validate';
import { firstIssue } from './issues';
import './network-section.css';

/** A list field's text as one normalised string, so an unchanged list commits nothing. */
const asText =
  (check: (text: string) => IdsChecked): Validator<string> =>
  (text) => {
    const checked = check(text);
    return checked.ok ? { ok: true, value: checked.value.join(', ') } : checked;
  };
const securityGroupsText = asText(checkSecurityGroups);
const subnetsText = asText(checkSubnets);

/**
 * An awsvpc service's `networkConfiguration.awsvpcConfiguration`: a checkbox per zone's
 * subnet, other subnets and security groups as typed ids, and assignPublicIp. Without
 * one of its own the service shows the defaults, which its first edit writes.
 */
export const NetworkSection = memo(function NetworkSection({
  design,
  service,
}: {
  design: DesignDocument;
  service: CreateServiceInput;
}) {
  const running = useRunStore((s) => !isPristine(s));
  const [subnetError, setSubnetError] = useState<string | undefined>();
  const zones = useMemo(() => zoneSubnetsOf(design, service), [design, service]);
  if (!isAwsvpc(design, service)) return null;
  const name = service.serviceName;
  const { awsvpc, isDefault } = networkOf(design, service);
  const chosen = new Set(awsvpc.subnets);
  const others = otherSubnets(awsvpc.subnets, zones);
  // Model: ECS takes assignPublicIp ENABLED only for Fargate tasks ("Assign public IP is
  // not supported for this launch type").
  const ec2 = service.launchType === 'EC2' || service.launchType === 'EXTERNAL';

  return (
    <section className="network-section" data-testid="inspector.network">
      <h3 className="inspector-section">Networking (awsvpc)</h3>
      {isDefault && (
        <p className="field-hint network-defaults" data-testid="inspector.network.defaults">
          No networkConfiguration yet: export writes these defaults, a subnet in each zone of the
          cluster's instances. Any change here sets them on the service.
        </p>
      )}
      <fieldset className="zone-checks" data-testid="inspector.network.subnets">
        <legend className="field-label">Subnets</legend>
        {zones.map(({ zone, subnetId }) => (
          <label key={zone} className="check network-subnet">
            <input
              type="checkbox"
              checked={chosen.has(subnetId)}
              data-testid={`inspector.network.subnet.${zone}`}
              onChange={(e) =>
                setSubnetError(
                  firstIssue(
                    setNetworkConfiguration(name, {
                      subnets: subnetsWithZone(awsvpc.subnets, subnetId, e.target.checked),
                    }),
                  ),
                )
              }
            />
            <span className="network-zone">{zone}</span>
            <code className="network-id">{subnetId}</code>
          </label>
        ))}
        {subnetError && (
          <p className="field-error" role="alert" data-testid="inspector.network.subnets.error">
            {subnetError}
          </p>
        )}
      </fieldset>
      <Field
        label="Other subnets"
        value={others.join(', ')}
        validate={subnetsText}
        onCommit={(text) =>
          firstIssue(
            setNetworkConfiguration(name, {
              subnets: subnetsWithOthers(awsvpc.subnets, zones, splitIds(text)),
            }),
          )
        }
        testId="inspector.network.otherSubnets"
        hint="Comma-separated subnet ids besides the zones' own; at most 16 subnets in all."
      />
      <Field
        label="Security groups"
        value={(awsvpc.securityGroups ?? []).join(', ')}
        validate={securityGroupsText}
        onCommit={(text) =>
          firstIssue(setNetworkConfiguration(name, { securityGroups: splitIds(text) }))
        }
        testId="inspector.network.securityGroups"
        hint="Comma-separated sg- ids, at most 5; none: the VPC's default security group."
      />
      <SelectField
        label="Assign public IP"
        value={awsvpc.assignPublicIp ?? 'DISABLED'}
        options={[
          { value: 'DISABLED', label: 'DISABLED' },
          { value: 'ENABLED', label: 'ENABLED', disabled: ec2 },
        ]}
        onCommit={(v) =>
          firstIssue(setNetworkConfiguration(name, { assignPublicIp: v as AssignPublicIp }))
        }
        testId="inspector.network.assignPublicIp"
        hint={
          ec2
            ? 'EC2 tasks get no public IP: ECS takes ENABLED for Fargate only.'
            : 'ENABLED: each task’s network interface gets a public IP.'
        }
      />
      {running && (
        <p className="inspector-note" data-testid="inspector.network.live">
          A change here is an UpdateService with networkConfiguration: a deployment replaces the
          tasks with ones in the new subnets.
        </p>
      )}
    </section>
  );
});
