import { type KeyboardEvent, memo, useEffect, useId, useRef, useState } from 'react';
import type { Validator } from './validate';

interface FieldProps<T> {
  label: string;
  value: T;
  validate: Validator<T>;
  /** Commit a valid value; a returned string is the design gate's refusal, shown in place. */
  onCommit: (value: T) => unknown;
  testId: string;
  /** `blur`: commit on blur or Enter (inspector); `change`: on every valid keystroke (palette forms). */
  commitOn?: 'blur' | 'change';
  inputMode?: 'numeric' | 'text';
  unit?: string;
  hint?: string | undefined;
  /** Told whenever the field's message appears or goes (undefined), and on unmount. */
  onErrorChange?: (error: string | undefined) => void;
}

/** A labelled input whose validation message sits right under it. */
function FieldImpl<T extends string | number>(props: FieldProps<T>) {
  const {
    label,
    value,
    validate,
    onCommit,
    testId,
    commitOn = 'blur',
    inputMode = 'text',
    unit,
    hint,
    onErrorChange,
  } = props;
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | undefined>();

  // An undo or another view changed the value: show it, and drop a stale message.
  useEffect(() => {
    setDraft(String(value));
    setError(undefined);
  }, [value]);

  // A form that holds only valid values must still know a field shows an error (the palette does).
  const report = useRef(onErrorChange);
  report.current = onErrorChange;
  useEffect(() => report.current?.(error), [error]);
  useEffect(() => () => report.current?.(undefined), []);

  const commit = (text: string) => {
    const checked = validate(text);
    if (!checked.ok) return setError(checked.error);
    const refusal = checked.value === value ? undefined : onCommit(checked.value);
    setError(typeof refusal === 'string' ? refusal : undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(draft);
    if (event.key === 'Escape') {
      setDraft(String(value));
      setError(undefined);
    }
  };

  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-input">
        <input
          id={id}
          data-testid={testId}
          value={draft}
          inputMode={inputMode}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            if (commitOn === 'change') commit(event.target.value);
            else setError(undefined);
          }}
          onBlur={() => commit(draft)}
          onKeyDown={onKeyDown}
        />
        {unit && <span className="field-unit">{unit}</span>}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`} data-testid={`${testId}.error`} role="alert">
          {error}
        </p>
      ) : (
        hint && <p className="field-hint">{hint}</p>
      )}
    </div>
  );
}

export const Field = memo(FieldImpl) as typeof FieldImpl;
