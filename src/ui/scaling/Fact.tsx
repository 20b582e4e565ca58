/** One number of the panel with its label; `hot` when it is what holds the scaling. */
export function Fact({
  label,
  value,
  id,
  hot,
}: {
  label: string;
  value: string;
  id: string;
  hot?: boolean;
}) {
  return (
    <div className={`scaling-fact${hot ? ' hot' : ''}`} data-testid={`scaling.${id}`}>
      <span>{label}</span>
      <strong>{value}</strong>
    </div>
  );
}
