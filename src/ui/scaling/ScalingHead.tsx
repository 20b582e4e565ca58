import { shortenAlarmNames } from './words';

/** The panel's sentence, and what holds the scaling when something does. */
export function ScalingHead({
  summary,
  hold,
  holdText,
}: {
  summary: string;
  hold: string | undefined;
  holdText: string | undefined;
}) {
  return (
    <>
      <p className="scaling-summary" data-testid="scaling.summary">
        {shortenAlarmNames(summary)}
      </p>
      {hold && (
        <p className="scaling-hold" data-testid="scaling.hold" data-hold={hold}>
          Held by: <strong>{holdText}</strong>
        </p>
      )}
    </>
  );
}
