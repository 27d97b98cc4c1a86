// Safeguarding flag statuses in the words the queue uses, in its order (New first).
export const STATUSES = [
  { value: 'new', label: 'New' },
  { value: 'reviewed', label: 'Reviewed' },
  { value: 'referred', label: 'Referred' },
  { value: 'no_action', label: 'No action' }
] as const;

export type FlagStatus = (typeof STATUSES)[number]['value'];

/** What a lead may set a flag to (a flag cannot be made new again here). */
export const DECISIONS = STATUSES.filter((s) => s.value !== 'new');

export const isStatus = (value: string | null): value is FlagStatus => STATUSES.some((s) => s.value === value);
export const isDecision = (value: string): value is Exclude<FlagStatus, 'new'> => DECISIONS.some((s) => s.value === value);
export const statusLabel = (value: string) => STATUSES.find((s) => s.value === value)?.label ?? value;

/** Times as staff in the UK read them. */
export const formatTime = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

export interface Span {
  start: number;
  end: number;
}

/** The answer cut into plain and highlighted parts; spans that do not fit the text are left out. */
export function highlightParts(text: string, spans: readonly Span[]): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end <= span.start || span.end > text.length) continue;
    if (span.start > at) parts.push({ text: text.slice(at, span.start), marked: false });
    parts.push({ text: text.slice(span.start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
