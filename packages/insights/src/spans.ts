// Offsets between original and redacted text, so evidence spans found in the
// original (e.g. by theme coding) can be shown on the redacted quote.

export interface Replacement {
  kind: 'name' | 'phone' | 'email' | 'address' | 'postcode' | 'handle' | 'school' | 'redacted';
  /** Where the original text was, in the original. The original text itself is not kept. */
  start: number;
  end: number;
  /** Where the placeholder is, in the redacted text. */
  newStart: number;
  newEnd: number;
}

export interface Span {
  start: number;
  end: number;
}

function mapOffset(offset: number, replacements: readonly Replacement[], side: 'start' | 'end'): number {
  let shift = 0;
  for (const r of replacements) {
    if (offset <= r.start) break;
    if (offset < r.end) {
      // Inside a replaced stretch: widen to the whole placeholder.
      return side === 'start' ? r.newStart : r.newEnd;
    }
    shift = r.newEnd - r.end;
  }
  return offset + shift;
}

/**
 * Map a span of the original text onto the redacted text. A span that starts
 * or ends inside a redacted stretch is widened to cover the whole
 * placeholder, so evidence never points at half of "[name]".
 */
export function mapSpan(span: Span, replacements: readonly Replacement[]): Span {
  if (span.end < span.start) throw new RangeError('span ends before it starts');
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  const start = mapOffset(span.start, sorted, 'start');
  const end = Math.max(start, mapOffset(span.end, sorted, 'end'));
  return { start, end };
}

/** Sorted, with overlapping and touching spans joined (empty ones dropped). */
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
