import type { DesignIssue } from '../../issues';
import { intrinsicOf } from './intrinsics';
import type { Template } from './template';

/**
 * What CloudFormation refuses before it makes anything: a Ref, Fn::GetAtt, Fn::Sub
 * variable or DependsOn naming no resource or parameter of the template ("Template format
 * error: Unresolved resource dependencies [X] in the Resources block of the template").
 * Berth refuses the template too, naming where the reference is written, rather than
 * reading on without it. Each issue's path is that of the intrinsic as written (the
 * property holding it), as resolveValue's warnings name it.
 */

const PSEUDO = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const keyPath = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

interface Names {
  resources: ReadonlySet<string>;
  parameters: ReadonlySet<string>;
}

const refMessage = (name: string, names: Names): string | undefined => {
  if (names.resources.has(name) || names.parameters.has(name) || PSEUDO.has(name)) return undefined;
  return name.startsWith('AWS::')
    ? `Ref to "${name}", which is not a pseudo parameter CloudFormation has`
    : `Ref to "${name}", which is not a resource or parameter of this template`;
};

/** The unresolved names inside one intrinsic (its arguments too), each as a message. */
function insideIntrinsic(fn: string, arg: unknown, names: Names, out: string[]): void {
  if (fn === 'Ref' && typeof arg === 'string') {
    const m = refMessage(arg, names);
    if (m) out.push(m);
    return;
  }
  if (fn === 'Fn::GetAtt') {
    const id =
      typeof arg === 'string' ? arg.split('.')[0] : Array.isArray(arg) ? arg[0] : undefined;
    if (typeof id === 'string' && !names.resources.has(id))
      out.push(`Fn::GetAtt of "${id}", which is not a resource of this template`);
    if (Array.isArray(arg)) for (const a of arg.slice(1)) collect(a, names, out);
    return;
  }
  if (fn === 'Fn::Sub') {
    const [text, vars] = Array.isArray(arg) ? arg : [arg, undefined];
    const own = isObject(vars) ? new Set(Object.keys(vars)) : new Set<string>();
    if (typeof text === 'string') {
      // A name stops at `$`: `${${${...` with no `}` would rescan the rest from every `${`.
      for (const [, inner] of text.matchAll(/\$\{([^$}]*)\}/g)) {
        const name = (inner ?? '').trim();
        if (name.startsWith('!') || own.has(name)) continue;
        const id = name.includes('.') && !name.startsWith('AWS::') ? name.split('.')[0] : name;
        if (id === undefined) continue;
        const known =
          names.resources.has(id) || (id === name && refMessage(id, names) === undefined);
        if (!known)
          out.push(
            `Fn::Sub names "\${${name}}", which is not a ${id === name ? 'resource or parameter' : 'resource'} of this template`,
          );
      }
    }
    if (isObject(vars)) for (const v of Object.values(vars)) collect(v, names, out);
    return;
  }
  collect(arg, names, out);
}

function collect(value: unknown, names: Names, out: string[]): void {
  const intrinsic = intrinsicOf(value);
  if (intrinsic) insideIntrinsic(intrinsic.fn, intrinsic.arg, names, out);
  else if (Array.isArray(value)) for (const v of value) collect(v, names, out);
  else if (isObject(value)) for (const v of Object.values(value)) collect(v, names, out);
}

/** Each intrinsic in `value`, outermost ones only, with its path; their messages. */
function walk(value: unknown, path: string, names: Names, issues: DesignIssue[]): void {
  const intrinsic = intrinsicOf(value);
  if (intrinsic) {
    const messages: string[] = [];
    insideIntrinsic(intrinsic.fn, intrinsic.arg, names, messages);
    for (const message of new Set(messages)) issues.push({ path, message });
    return;
  }
  if (Array.isArray(value))
    for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`, names, issues);
  else if (isObject(value))
    for (const [k, v] of Object.entries(value)) walk(v, keyPath(path, k), names, issues);
}

/** Every reference in the template's resources, conditions and outputs that names nothing. */
export function danglingReferences(template: Template, doc: unknown): DesignIssue[] {
  const names: Names = {
    resources: new Set(template.resources.map((r) => r.logicalId)),
    parameters: new Set(Object.keys(template.parameters)),
  };
  const issues: DesignIssue[] = [];
  for (const r of template.resources) {
    const at = `Resources.${r.logicalId}`;
    r.dependsOn.forEach((d, i) => {
      if (!names.resources.has(d)) {
        const path = r.dependsOn.length === 1 ? `${at}.DependsOn` : `${at}.DependsOn[${i}]`;
        issues.push({ path, message: `"${d}" is not a resource of this template` });
      }
    });
    walk(r.properties, `${at}.Properties`, names, issues);
  }
  for (const [name, c] of Object.entries(template.conditions))
    walk(c, keyPath('Conditions', name), names, issues);
  const outputs = isObject(doc) ? doc.Outputs : undefined;
  if (isObject(outputs)) walk(outputs, 'Outputs', names, issues);
  return issues;
}
