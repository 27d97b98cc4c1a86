// Response counts as staff read them. The API sends a count only from the
// organisation's threshold up (shownCounts in packages/insights): below it,
// "fewer than", and a version's count is hidden outright when, with the
// total, it would give a small one away.
export type ShownCount = { count: number } | { fewerThan: number } | { hidden: true };

const number = (n: number) => n.toLocaleString('en-GB');

/** For a sentence or a list: "No responses yet", "1,250 responses", "Fewer than 10 responses". */
export function responsesText(shown: ShownCount): string {
  if ('fewerThan' in shown) return `Fewer than ${shown.fewerThan} responses`;
  if ('hidden' in shown) return 'Responses not shown';
  if (shown.count === 0) return 'No responses yet';
  return `${number(shown.count)} ${shown.count === 1 ? 'response' : 'responses'}`;
}

/** For a table cell under a "Responses" heading. */
export function countCell(shown: ShownCount): string {
  if ('fewerThan' in shown) return `Fewer than ${shown.fewerThan}`;
  if ('hidden' in shown) return 'Not shown';
  return number(shown.count);
}

export const hasResponses = (shown: ShownCount): boolean => !('count' in shown) || shown.count > 0;
