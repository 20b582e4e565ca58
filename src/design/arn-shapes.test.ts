import { describe, expect, it } from 'vitest';
import { roleArn, targetGroupRef } from './arn-shapes';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067';

describe('role ARNs (taskRoleArn, executionRoleArn)', () => {
  it.each([
    'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    'arn:aws:iam::123456789012:role/service-role/ecs-task+web=1,a.b@c_d',
    'arn:aws-cn:iam::123456789012:role/web',
    'arn:aws-us-gov:iam::123456789012:role/web',
    'ecsTaskExecutionRole',
  ])('takes %s', (value) => {
    expect(roleArn.safeParse(value).success).toBe(true);
  });

  it.each([
    ['an account of 4 digits', 'arn:aws:iam::1234:role/web'],
    ['a region, which IAM ARNs have none of', 'arn:aws:iam:us-east-1:123456789012:role/web'],
    ['a user, not a role', 'arn:aws:iam::123456789012:user/deploy'],
    ['another service', 'arn:aws:ecs:us-east-1:123456789012:role/web'],
    ['no role name', 'arn:aws:iam::123456789012:role/'],
    ['a name with a space', 'my role'],
    ['a name of 65 characters', 'r'.repeat(65)],
  ])('refuses %s', (_, value) => {
    expect(roleArn.safeParse(value).success).toBe(false);
  });
});

describe('target group references', () => {
  it.each([
    TG,
    'arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:targetgroup/web-blue/0123456789abcdef',
    'web',
  ])('takes %s', (value) => {
    expect(targetGroupRef.safeParse(value).success).toBe(true);
  });

  it.each([
    ['no account, another service', 'arn:aws:elb:us-east-1:targetgroup/web'],
    [
      'a load balancer',
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/73e2d6bc24d8a067',
    ],
    ['an id cut short', TG.slice(0, -2)],
    ['an account of 11 digits', TG.replace('123456789012', '12345678901')],
    ['nothing', ''],
  ])('refuses %s', (_, value) => {
    expect(targetGroupRef.safeParse(value).success).toBe(false);
  });
});
