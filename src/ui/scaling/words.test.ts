import { describe, expect, it } from 'vitest';
import {
  alarmLabel,
  breaches,
  datapointText,
  leftText,
  operatorSymbol,
  shortenAlarmNames,
} from './words';

describe('the scaling panel words', () => {
  it.each([
    ['GreaterThanThreshold', 50, 50, false],
    ['GreaterThanThreshold', 50.1, 50, true],
    ['GreaterThanOrEqualToThreshold', 50, 50, true],
    ['LessThanThreshold', 45, 45, false],
    ['LessThanThreshold', 44.9, 45, true],
    ['LessThanOrEqualToThreshold', 45, 45, true],
  ])('%s: %d against %d breaches: %s', (op, v, t, want) => {
    expect(breaches(op, v, t)).toBe(want);
  });

  it('names target tracking alarms by what they do, keeps other names', () => {
    expect(
      alarmLabel('TargetTracking-service/demo/web-AlarmHigh-25cfd874-8b0b-3f4c-d6b7-c0e42e17229c'),
    ).toBe('AlarmHigh (scale out)');
    expect(alarmLabel('TargetTracking-service/demo/web-AlarmLow-25cfd874-8b0b')).toBe(
      'AlarmLow (scale in)',
    );
    expect(alarmLabel('queue-depth-high')).toBe('queue-depth-high');
  });

  it('says time left, operators and datapoints briefly', () => {
    expect(leftText(52_000)).toBe('52 s');
    expect(leftText(245_000)).toBe('4:05');
    expect(leftText(1)).toBe('1 s');
    expect(operatorSymbol('GreaterThanOrEqualToThreshold')).toBe('≥');
    expect(datapointText(null)).toBe('—');
    expect(datapointText(200.24)).toBe('200.2');
  });

  it("cuts target tracking alarms' names in the engine's sentence", () => {
    expect(
      shortenAlarmNames(
        'No alarm asks for scaling yet (TargetTracking-service/demo/web-AlarmHigh-25cfd874-8b0b-3f4c-d6b7-c0e42e17229c: 1 of 3 datapoints breaching; TargetTracking-service/demo/web-AlarmLow-25cfd874-8b0b-3f4c-d6b7-c0e42e17229c: 2 of 15 datapoints breaching).',
      ),
    ).toBe(
      'No alarm asks for scaling yet (AlarmHigh: 1 of 3 datapoints breaching; AlarmLow: 2 of 15 datapoints breaching).',
    );
  });
});
