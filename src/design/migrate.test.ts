import { expect, it } from 'vitest';
import { CURRENT_FORMAT_VERSION } from './document';
import { migrate } from './migrate';

it('passes the current version through untouched', () => {
  const doc = { formatVersion: CURRENT_FORMAT_VERSION, name: 'x' };
  expect(migrate(doc)).toEqual({ ok: true, doc });
});

it.each([
  [{}, 'formatVersion: is required: this is not a Berth design'],
  [
    { serviceName: 'web' },
    'formatVersion: is required: this looks like a service, not a Berth design',
  ],
  [
    { taskDefinition: { family: 'web' } },
    'formatVersion: is required: this looks like describe-task-definition output, not a Berth design',
  ],
  [
    { Resources: {} },
    'formatVersion: is required: this looks like a CloudFormation template, not a Berth design',
  ],
  [{ formatVersion: 1.5 }, 'formatVersion: expected a positive integer, got 1.5'],
  [{ formatVersion: 99 }, 'formatVersion: version 99 is newer than this Berth reads (up to 1)'],
  ['{}', '(document): expected a JSON object, got the string "{}"'],
])('refuses %j', (input, line) => {
  const result = migrate(input);
  expect(result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([line]);
});
