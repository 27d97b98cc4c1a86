// The download pages' words for a file's format and a job's progress.
export const FORMATS = [
  { value: 'docx', label: 'Word (.docx)', hint: 'Opens in Word or LibreOffice: headings, a contents list, tables, and charts with their text alternatives' },
  { value: 'pdf', label: 'PDF', hint: 'A tagged PDF, for printing or sending on: screen readers can follow its headings and tables' },
  {
    value: 'easy-read-docx',
    label: 'Easy read (.docx)',
    hint: 'The easy-read version in Word, in large type and short lines: for children and young people, or anyone who wants it short'
  },
  { value: 'html', label: 'Web page (.html)', hint: 'One file that opens in any web browser, without an internet connection' }
] as const;

export type Format = (typeof FORMATS)[number]['value'];

const NAMES: Record<string, string> = { docx: 'Word file', 'easy-read-docx': 'easy-read Word file', pdf: 'PDF', html: 'web page' };

export const formatName = (format: string) => NAMES[format] ?? 'file';

/** The format's name starting a sentence or a list item: "Easy-read Word file". */
export const FormatName = (format: string) => formatName(format).replace(/^./, (c) => c.toUpperCase());

const seconds = (n: number) => (n === 1 ? 'about 1 second' : n < 60 ? `about ${n} seconds` : `about ${Math.round(n / 60)} minute${Math.round(n / 60) === 1 ? '' : 's'}`);

/** E.g. "Step 2 of 4: Starting the renderer. About 5 seconds left." */
export function progressWords(job: { status: string; done: number; total: number; step: string | null; secondsLeft: number | null }): string {
  const left = job.secondsLeft === null ? '' : ` ${seconds(job.secondsLeft).replace(/^a/, 'A')} left.`;
  if (job.status === 'queued') return `Waiting to start.${left}`;
  return `Step ${Math.min(job.done + 1, job.total)} of ${job.total}: ${job.step ?? 'working'}.${left}`;
}
