import { type KeyboardEvent, memo, useEffect, useState } from 'react';
import { setAttributes } from '../../store/design-actions';
import type { CustomAttribute } from '../../store/edits';
import { attributeName, attributeValue } from '../forms/validate';
import { firstIssue } from './issues';

const withValue = (name: string, value: string): CustomAttribute =>
  value === '' ? { name } : { name, value };

/** A value edited in place: committed on Enter or blur, Escape puts it back. */
function ValueInput({
  attribute,
  onCommit,
}: {
  attribute: CustomAttribute;
  onCommit: (value: string) => string | undefined;
}) {
  const [draft, setDraft] = useState(attribute.value ?? '');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setDraft(attribute.value ?? '');
    setError(undefined);
  }, [attribute.value]);
  const commit = () => {
    const checked = attributeValue(draft);
    if (!checked.ok) return setError(checked.error);
    setError(checked.value === (attribute.value ?? '') ? undefined : onCommit(checked.value));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setDraft(attribute.value ?? '');
  };
  return (
    <>
      <input
        className="attr-value"
        aria-label={`Value of ${attribute.name}`}
        data-testid={`inspector.attribute.${attribute.name}.value`}
        value={draft}
        placeholder="(no value)"
        aria-invalid={error !== undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error && <p className="field-error attr-error">{error}</p>}
    </>
  );
}

/**
 * Custom attributes (name=value), checked as ECS checks them (§4.5). Each change
 * is a design edit, and reaches the run as PutAttributes or DeleteAttributes.
 */
export const AttributesEditor = memo(function AttributesEditor({
  id,
  attributes,
}: {
  id: string;
  attributes: readonly CustomAttribute[];
}) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();

  const save = (next: readonly CustomAttribute[]) => firstIssue(setAttributes(id, next));
  const add = () => {
    const n = attributeName(name);
    if (!n.ok) return setError(`Name: ${n.error}`);
    const v = attributeValue(value);
    if (!v.ok) return setError(`Value: ${v.error}`);
    const rest = attributes.filter((a) => a.name !== n.value);
    const refusal = save([...rest, withValue(n.value, v.value)]);
    setError(refusal);
    if (!refusal) {
      setName('');
      setValue('');
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') add();
  };

  return (
    <div className="attrs" data-testid="inspector.attributes">
      {attributes.length === 0 && (
        <p className="why-muted">None yet. memberOf constraints and spread can use them.</p>
      )}
      {attributes.map((a) => (
        <div className="attr-row" key={a.name} data-testid={`inspector.attribute.${a.name}`}>
          <code className="attr-name" title={a.name}>
            {a.name}
          </code>
          <span className="attr-eq">=</span>
          <ValueInput
            attribute={a}
            onCommit={(v) =>
              save(attributes.map((b) => (b.name === a.name ? withValue(a.name, v) : b)))
            }
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${a.name}`}
            data-testid={`inspector.attribute.${a.name}.remove`}
            onClick={() => setError(save(attributes.filter((b) => b.name !== a.name)))}
          >
            ×
          </button>
        </div>
      ))}
      <div className="attr-row new">
        <input
          className="attr-name-input"
          aria-label="New attribute name"
          placeholder="name"
          data-testid="inspector.attribute.new.name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setError(undefined);
          }}
          onKeyDown={onKeyDown}
        />
        <span className="attr-eq">=</span>
        <input
          className="attr-value"
          aria-label="New attribute value"
          placeholder="value"
          data-testid="inspector.attribute.new.value"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setError(undefined);
          }}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="button small"
          data-testid="inspector.attribute.add"
          onClick={add}
          disabled={name.trim() === ''}
        >
          Add
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="inspector.attribute.error">
          {error}
        </p>
      )}
    </div>
  );
});
