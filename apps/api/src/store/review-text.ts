// Answers as analysts see them: redacted with the organisation's own terms,
// with the coder's evidence moved onto the redacted text.
import { mapSpan, redact } from '@safer-voices/insights';

export interface Span {
  start: number;
  end: number;
}

/** Sorted, with overlapping and touching spans joined. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

export interface RedactedAnswer {
  text: string;
  /** Moves spans found in the original text onto `text`. */
  mapEvidence(spans: readonly Span[]): Span[];
}

export function redactedAnswer(original: string, terms: readonly string[]): RedactedAnswer {
  const { text, replacements } = redact(original, { extraTerms: terms });
  return { text, mapEvidence: (spans) => mergeSpans(spans.map((span) => mapSpan(span, replacements))) };
}
