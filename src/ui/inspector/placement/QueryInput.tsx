import { type KeyboardEvent, memo, useMemo } from 'react';
import { caretWindow, checkQuery } from './query-check';

interface QueryInputProps {
  value: string;
  onChange: (text: string) => void;
  /** Enter or blur; the editor decides whether the whole list can be saved. */
  onCommit: () => void;
  testId: string;
}

/** A memberOf expression, checked on every keystroke: a caret under the error, or its canonical form. */
export const QueryInput = memo(function QueryInput({
  value,
  onChange,
  onCommit,
  testId,
}: QueryInputProps) {
  const checked = useMemo(() => (value.trim() === '' ? undefined : checkQuery(value)), [value]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') onCommit();
  };
  return (
    <div className="query">
      <input
        className="query-input"
        data-testid={testId}
        aria-label="memberOf expression"
        aria-invalid={checked?.ok === false}
        spellCheck={false}
        autoComplete="off"
        placeholder="attribute:ecs.instance-type =~ m5.*"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onCommit}
        onKeyDown={onKeyDown}
      />
      {checked === undefined && (
        <p className="field-hint">
          e.g. <code>attribute:ecs.availability-zone in [us-east-1a, us-east-1b]</code>
        </p>
      )}
      {checked?.ok === true && (
        <p className="query-ok" data-testid={`${testId}.canonical`}>
          ✓ <code>{checked.canonical}</code>
        </p>
      )}
      {checked?.ok === false && <QueryError text={value} {...checked} testId={testId} />}
    </div>
  );
});

function QueryError({
  text,
  position,
  message,
  testId,
}: {
  text: string;
  position: number;
  message: string;
  testId: string;
}) {
  const { shown, caret } = caretWindow(text, position);
  return (
    <div
      className="query-error"
      role="alert"
      data-testid={`${testId}.error`}
      data-position={position}
    >
      <pre aria-hidden="true">
        {shown}
        {'\n'}
        {' '.repeat(caret)}^
      </pre>
      <p>
        column {position + 1}: {message}
      </p>
    </div>
  );
}
