import { describe, expect, it } from 'vitest';
import { parseDocumentText } from './yaml';

const value = (text: string) => {
  const r = parseDocumentText(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('parseDocumentText', () => {
  it('reads JSON first', () => {
    expect(value('{"a": [1, 2]}')).toEqual({ a: [1, 2] });
  });

  it('reads YAML with every short form as its long form', () => {
    const doc = value(`
AWSTemplateFormatVersion: 2010-09-09
Resources:
  X:
    Properties:
      A: !Ref Cluster
      B: !GetAtt LB.DNSName
      B2: !GetAtt [LB, DNSName]
      B3: !GetAtt Stack.Outputs.Name
      C: !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket}'
      C2: !Sub
        - 'x-\${Y}'
        - Y: !Ref Z
      D: !Join ['', ['service/', !Ref Cluster, '/', !GetAtt Svc.Name]]
      E: !Select [0, !GetAZs '']
      F: !Split [',', 'a,b']
      G: !If [IsProd, 2, 1]
      H: !Equals [!Ref Env, prod]
      I: !Not [!Condition IsProd]
      J: !And [!Condition A, !Condition B]
      K: !Or [!Condition A, !Condition B]
      L: !FindInMap [Map, !Ref AWS::Region, Ami]
      M: !ImportValue shared-vpc
      N: !Base64 hello
      O: !Cidr [10.0.0.0/16, 4, 8]
`);
    const p = (doc as { Resources: { X: { Properties: Record<string, unknown> } } }).Resources.X
      .Properties;
    expect((doc as Record<string, unknown>).AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(p).toEqual({
      A: { Ref: 'Cluster' },
      B: { 'Fn::GetAtt': ['LB', 'DNSName'] },
      B2: { 'Fn::GetAtt': ['LB', 'DNSName'] },
      B3: { 'Fn::GetAtt': ['Stack', 'Outputs.Name'] },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own ${} syntax
      C: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}' },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own ${} syntax
      C2: { 'Fn::Sub': ['x-${Y}', { Y: { Ref: 'Z' } }] },
      D: {
        'Fn::Join': ['', ['service/', { Ref: 'Cluster' }, '/', { 'Fn::GetAtt': ['Svc', 'Name'] }]],
      },
      E: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      F: { 'Fn::Split': [',', 'a,b'] },
      G: { 'Fn::If': ['IsProd', 2, 1] },
      H: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      I: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      J: { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] },
      K: { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] },
      L: { 'Fn::FindInMap': ['Map', { Ref: 'AWS::Region' }, 'Ami'] },
      M: { 'Fn::ImportValue': 'shared-vpc' },
      N: { 'Fn::Base64': 'hello' },
      O: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
    });
  });

  it('names the line and column of a YAML error', () => {
    const r = parseDocumentText('Resources:\n  A: [1,\n  B: }\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^line \d+, column \d+: /);
  });

  it('refuses a tag CloudFormation does not have, and duplicate keys', () => {
    const tag = parseDocumentText('A: !Reference X\n');
    expect(tag).toMatchObject({ ok: false, message: expect.stringMatching(/^line 1, column 4: /) });
    const dup = parseDocumentText('A: 1\nA: 2\n');
    expect(dup).toMatchObject({ ok: false, message: expect.stringMatching(/^line 2, column 1: /) });
  });

  it('never throws', () => {
    for (const text of ['', '   ', ':', '- - -', '{', '!Ref', 'a: *nope', '\t\t']) {
      expect(() => parseDocumentText(text)).not.toThrow();
    }
  });
});
