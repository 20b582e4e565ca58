import { z } from 'zod';

/** CloudWatch inputs, as the AWS CLI takes them (PascalCase): alarms and custom metrics. */

export const MetricDimension = z.looseObject({ Name: z.string().min(1), Value: z.string().min(1) });

/** PutMetricAlarm (ecs-behavior §9.2): a metric, a statistic over a period, a threshold. */
export const MetricAlarm = z
  .looseObject({
    AlarmName: z.string().min(1).max(255),
    Namespace: z.string().min(1),
    MetricName: z.string().min(1),
    Dimensions: z.array(MetricDimension).max(30).optional(),
    Statistic: z.enum(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount']),
    /** Model: Berth evaluates alarms once a simulated minute, so periods are whole minutes. */
    Period: z
      .number()
      .int()
      .min(60, 'must be at least 60 seconds')
      .refine((p) => p % 60 === 0, { message: 'must be a multiple of 60 seconds' }),
    EvaluationPeriods: z.number().int().min(1),
    DatapointsToAlarm: z.number().int().min(1).optional(),
    Threshold: z.number(),
    ComparisonOperator: z.enum([
      'GreaterThanThreshold',
      'GreaterThanOrEqualToThreshold',
      'LessThanThreshold',
      'LessThanOrEqualToThreshold',
    ]),
    TreatMissingData: z.enum(['missing', 'notBreaching', 'breaching', 'ignore']).optional(),
    /**
     * What the alarm does in each state: Berth acts on step scaling policy ARNs (invoked
     * on entering the state and each minute it stays, as Application Auto Scaling is);
     * other ARNs (SNS topics, ...) are kept and not used.
     */
    AlarmActions: z.array(z.string().min(1)).max(5).optional(),
    OKActions: z.array(z.string().min(1)).max(5).optional(),
    InsufficientDataActions: z.array(z.string().min(1)).max(5).optional(),
  })
  .refine((a) => a.DatapointsToAlarm === undefined || a.DatapointsToAlarm <= a.EvaluationPeriods, {
    path: ['DatapointsToAlarm'],
    message: 'must be at most EvaluationPeriods',
  });
export type MetricAlarm = z.infer<typeof MetricAlarm>;

/** PutMetricData: a custom metric, in any namespace, that an alarm can watch. */
export const PutMetricDataInput = z.looseObject({
  Namespace: z.string().min(1),
  MetricData: z
    .array(
      z.looseObject({
        MetricName: z.string().min(1),
        Dimensions: z.array(MetricDimension).max(30).optional(),
        Value: z.number(),
        Unit: z.string().optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export type PutMetricDataInput = z.infer<typeof PutMetricDataInput>;
