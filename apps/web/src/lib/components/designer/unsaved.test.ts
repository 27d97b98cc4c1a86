import { describe, expect, it } from 'vitest';
import { unsavedChanges } from './unsaved.ts';

describe('what a stale save gives back', () => {
  const shown = { title: 'Feeling safe', summary: 'About school.', minutes: '10' };

  it('is what the officer changed, not what someone else changed meanwhile', () => {
    const stored = { title: 'Feeling safe at school', summary: 'About school.', minutes: '10' };
    const typed = { title: 'Feeling safe', summary: 'About school and the way there.', minutes: '10' };
    expect(unsavedChanges(typed, shown, stored)).toEqual([{ label: 'summary', value: 'About school and the way there.' }]);
  });

  it('leaves out a change the draft already has, and ignores spacing', () => {
    const stored = { title: 'Feeling safe', summary: 'About  school\r\nand home.', minutes: '12' };
    const typed = { title: 'Feeling safe', summary: 'About school and home.', minutes: '12' };
    expect(unsavedChanges(typed, shown, stored)).toEqual([]);
  });

  it('without what the form showed, lists all that differs from the draft, in the caller’s words', () => {
    const stored = { title: 'Feeling safe at school', summary: 'About school.', minutes: '10' };
    expect(unsavedChanges({ title: 'Feeling safe', summary: 'About school.', minutes: '' }, null, stored, (f) => f.toUpperCase())).toEqual([
      { label: 'TITLE', value: 'Feeling safe' },
      { label: 'MINUTES', value: '' }
    ]);
  });
});
