import { describe, expect, it } from 'vitest';
import { countCell, hasResponses, responsesText } from './shown-count.ts';

describe('response counts as staff read them', () => {
  it('write each kind of count in words', () => {
    expect(responsesText({ count: 0 })).toBe('No responses yet');
    expect(responsesText({ count: 1250 })).toBe('1,250 responses');
    expect(responsesText({ fewerThan: 10 })).toBe('Fewer than 10 responses');
    expect(responsesText({ hidden: true })).toBe('Responses not shown');
  });

  it('fit a table cell', () => {
    expect([{ count: 0 }, { count: 12 }, { fewerThan: 20 }, { hidden: true as const }].map(countCell)).toEqual(['0', '12', 'Fewer than 20', 'Not shown']);
  });

  it('tell whether anyone has responded', () => {
    expect([{ count: 0 }, { count: 12 }, { fewerThan: 10 }, { hidden: true as const }].map(hasResponses)).toEqual([false, true, true, true]);
  });
});
