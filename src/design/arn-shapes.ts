import { z } from 'zod';

/**
 * ARNs where the design takes one, checked for being the ARN they name (a role, a target
 * group), not only for matching one another: `arn:aws:elb:us-east-1:targetgroup/web` is
 * refused at its field, not later as a target group that is not in the design.
 * Partition: aws, aws-cn, aws-us-gov; account: 12 digits.
 */

/** IAM role names and paths: letters, digits and `+=,.@_-`; a name is 1-64 of them. */
const ROLE_NAME = String.raw`[\w+=,.@-]{1,64}`;
const IAM_ROLE_ARN = String.raw`arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*${ROLE_NAME}`;

/**
 * taskRoleArn, executionRoleArn: an IAM role ARN, or the role's name (RegisterTaskDefinition
 * documents "the short name or full ARN" for taskRoleArn). Model: a name is taken for
 * executionRoleArn too, as a CloudFormation `Ref` of an AWS::IAM::Role gives one.
 */
export const roleArn = z
  .string()
  .regex(
    new RegExp(`^(?:${IAM_ROLE_ARN}|${ROLE_NAME})$`),
    'must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>) or a role name',
  );

/** ELBv2 target group: `arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<16 hex>`. */
const TARGET_GROUP_ARN = String.raw`arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}`;

/**
 * A target group reference: its ARN as ELB gives it, or (Berth's shorthand, elb-resolve.ts)
 * its Name, which then must not look like an ARN.
 */
export const targetGroupRef = z
  .string()
  .min(1)
  .regex(
    new RegExp(`^(?:${TARGET_GROUP_ARN}|(?!arn:)[^]+)$`),
    'must be a target group ARN (arn:aws:elasticloadbalancing:<region>:<12-digit account>:targetgroup/<name>/<16 hex digits>) or a target group Name',
  );
