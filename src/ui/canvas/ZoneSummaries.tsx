export function ZoneSummaries() {
  return null;
}
