import { memo, useId, useState } from 'react';

/** A returned string is the design gate's refusal, shown under the control. */
type Commit<T> = (value: T) => unknown;

function Refusal({ id, testId, error }: { id: string; testId: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`} data-testid={`${testId}.error`} role="alert">
      {error}
    </p>
  );
}

const refusalOf = (result: unknown) => (typeof result === 'string' ? result : undefined);

export interface Option {
  value: string;
  label?: string;
  disabled?: boolean;
}

/** A labelled select that commits on change; the gate's refusal sits right under it. */
export const SelectField = memo(function SelectField({
  label,
  value,
  options,
  onCommit,
  testId,
  hint,
}: {
  label: string;
  value: string;
  options: readonly Option[];
  onCommit: Commit<string>;
  testId: string;
  hint?: string | undefined;
}) {
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        aria-invalid={error !== undefined}
        onChange={(e) => setError(refusalOf(onCommit(e.target.value)))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label ?? o.value}
          </option>
        ))}
      </select>
      {error ? (
        <Refusal id={id} testId={testId} error={error} />
      ) : (
        hint && <p className="field-hint">{hint}</p>
      )}
    </div>
  );
});

/** A checkbox with its label beside it, committing on change. */
export const CheckField = memo(function CheckField({
  label,
  checked,
  onCommit,
  testId,
  hint,
  disabled,
}: {
  label: string;
  checked: boolean;
  onCommit: Commit<boolean>;
  testId: string;
  hint?: string | undefined;
  disabled?: boolean;
}) {
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  return (
    <div className="field check-field">
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          data-testid={testId}
          checked={checked}
          disabled={disabled}
          onChange={(e) => setError(refusalOf(onCommit(e.target.checked)))}
        />
        <span>{label}</span>
      </label>
      {error ? (
        <Refusal id={id} testId={testId} error={error} />
      ) : (
        hint && <p className="field-hint">{hint}</p>
      )}
    </div>
  );
});
