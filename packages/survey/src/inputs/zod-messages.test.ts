// Issues a schema has no words for are said in plain words, and a schema's own
// words still come first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zod-messages';

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('what a value that does not fit is told', () => {
  const Thing = z.strictObject({ title: z.string().max(200), size: z.number().int().min(1), kind: z.enum(['audio', 'video']), tags: z.array(z.string()).min(1) });

  it('names what is missing, the kind wanted and the limit, in words', () => {
    expect(messages(Thing, { size: 0, kind: 'text', tags: [], extra: 1 })).toEqual([
      'title: Missing: this must be given',
      'size: Must be at least 1',
      'kind: Must be one of "audio", "video"',
      'tags: Must have at least one item',
      ': Not a field this takes: extra'
    ]);
    expect(messages(Thing, { title: 'x'.repeat(201), size: 'big', kind: 'audio', tags: ['a'] })).toEqual(['title: Must be 200 characters or fewer', 'size: Must be a number']);
    expect(messages(z.email(), 'not an address')).toEqual([': Must be a valid email']);
  });

  it("keeps a schema's own words", () => {
    expect(messages(z.object({ title: z.string({ error: 'Enter a title' }).min(1, 'Enter a title') }), {})).toEqual(['title: Enter a title']);
  });

  it('says something in words for any value', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const message of messages(Thing, value)) expect(message).not.toMatch(/Invalid input|expected .* received/);
      })
    );
  });
});
