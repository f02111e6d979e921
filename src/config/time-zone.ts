/**
 * `timezone` must be an IANA zone the runtime knows ("Europe/Zurich", "UTC"): a misspelt one
 * ("Europe/Zürich", "CET+1") would only fail later, in the middle of a job or a statistic.
 */
export function timeZoneProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'must be an IANA time zone such as Europe/Zurich';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return undefined;
  } catch {
    return `must be an IANA time zone such as Europe/Zurich ("${value}" is not one)`;
  }
}
