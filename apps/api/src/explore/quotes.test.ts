// Explorer quotes name no school: a pupil's own school, as their class code
// labels it, is redacted like the organisation's terms, and handles and
// lower-case names go too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SchoolsExplorer, schoolsExplorer } from '../test/explore';

let explorer: SchoolsExplorer;
beforeAll(async () => {
  explorer = await schoolsExplorer();
  await explorer.pupils(12, 'Birchwood', 'Year 9', 'Boys at Birchwood carry knives, my mate jordan pike has one, his snap is @jordyp_07');
  await explorer.codeEverything();
});
afterAll(async () => explorer.api.close());

describe('explorer quotes', () => {
  it('redact the school labels of the class codes, handles and lower-case names', async () => {
    const v = await explorer.view('?theme=knives_weapons&f.school=Birchwood&f.school=Ash');
    expect(v.quotes.length).toBeGreaterThan(0);
    expect(new Set(v.quotes.map((q) => q.text))).toEqual(new Set(['Boys at [redacted] carry knives, my mate [name] has one, his snap is [handle]']));
  });
});
