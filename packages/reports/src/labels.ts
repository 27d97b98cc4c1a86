// The words the renderers add around the report's own text. Reports are
// written in English today; keeping these in one place is what a translated
// report would change.
export const labels = {
  contents: 'Contents',
  draft: 'Draft',
  published: 'Published',
  figuresAsOf: 'Figures as of',
  version: 'Version',
  withheld: 'Withheld',
  /** Before a table's notes on its withheld figures. */
  notes: 'Notes.',
  withheldMarks: '[c] is a withheld figure; after it, in a few words, the rule that withheld it.',
  figuresInTable: (n: number) => `(${n === 1 ? '1 figure' : `${n} figures`} in this table.)`,
  youSaidWeDid: 'You said, we did',
  youSaid: 'You said',
  weDid: 'We did',
  priority: 'Priority',
  measure: 'Measure of success',
  status: 'Status',
  page: 'Page',
  /** After a chart's alternative text, when its figures are weighted. */
  weightedAll: 'All figures are weighted to the population.',
  weightedSome: (labels: string) => `The figures for ${labels} are weighted to the population; the others are not.`,
  of: 'of',
  easyRead: {
    about: 'About this',
    findings: 'What we found',
    next: 'What happens next',
    description: 'The easy-read version of'
  }
} as const;

/** "2026-11-30" → "30 November 2026"; anything else is shown as written. */
export function longDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
