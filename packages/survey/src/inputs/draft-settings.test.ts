import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DraftSettingsSchema, DRAFT_SETTINGS_MESSAGES as M, draftSettingsField, readDraftSettings, settingsWorded } from './draft-settings';
import { hasVisibleText } from './short-text';

const typed = {
  title: 'Feeling safe',
  summary: 'How safe you feel around school.',
  intro: 'First paragraph\nstill first.\n\nSecond.',
  audience: 'youth',
  ageBand: '',
  minutes: '10',
  contactName: '',
  contactDescription: '',
  contactPhone: '',
  contactUrl: '',
  quickExit: 'default',
  linkYouSaidWeDid: ''
};

describe('the draft settings form', () => {
  it('reads paragraphs, numbers and local help into settings', () => {
    const read = readDraftSettings({ ...typed, contactName: 'Youth hub', contactUrl: 'https://example.org', quickExit: 'off' });
    expect(read).toEqual({
      ok: true,
      settings: {
        title: 'Feeling safe',
        summary: 'How safe you feel around school.',
        intro: ['First paragraph still first.', 'Second.'],
        audience: 'youth',
        minutes: 10,
        localContact: { name: 'Youth hub', url: 'https://example.org' },
        quickExit: false
      }
    });
  });

  it('leaves out local help and the exit button when they are not set', () => {
    const read = readDraftSettings(typed);
    expect(read.ok && read.settings).not.toHaveProperty('localContact');
    expect(read.ok && read.settings).not.toHaveProperty('quickExit');
  });

  it('links to "You said, we did" only when its box is ticked', () => {
    const ticked = readDraftSettings({ ...typed, linkYouSaidWeDid: 'yes' });
    expect(ticked.ok && ticked.settings.linkYouSaidWeDid).toBe(true);
    // Unticked, the box is not posted at all: the setting is left out, as in questionnaires from before it.
    for (const unticked of [typed, { ...typed, linkYouSaidWeDid: undefined }, { ...typed, linkYouSaidWeDid: 'no' }]) {
      const read = readDraftSettings(unticked);
      expect(read.ok && read.settings).not.toHaveProperty('linkYouSaidWeDid');
    }
  });

  it('names every problem by its field, whatever the order', () => {
    const read = readDraftSettings({ title: ' ', summary: '', intro: '\n\n', audience: 'everyone', minutes: '1.5', contactPhone: '0800 1111', contactUrl: 'javascript:alert(1)' });
    expect(read).toEqual({
      ok: false,
      errors: [
        { field: 'title', message: M.title },
        { field: 'summary', message: M.summary },
        { field: 'intro', message: M.intro },
        { field: 'minutes', message: M.minutes },
        { field: 'audience', message: M.audience },
        { field: 'contactName', message: M.contactName },
        { field: 'contactUrl', message: 'A link must start https://, http://, tel: or mailto:, not javascript:' }
      ]
    });
  });

  it('refuses a title over 200 characters as too long, counting an emoji as one character', () => {
    const tooLong = { ok: false, errors: [{ field: 'title', message: 'The title must be 200 characters or fewer' }] };
    expect(readDraftSettings({ ...typed, title: '😀'.repeat(5000) })).toEqual(tooLong);
    expect(readDraftSettings({ ...typed, title: 'a'.repeat(5000) })).toEqual(tooLong);
    expect(readDraftSettings({ ...typed, title: 'a'.repeat(201) })).toEqual(tooLong);
    // 200 family emoji are 200 characters to a reader, 1,600 in UTF-16.
    const families = '👩‍👩‍👧'.repeat(200);
    expect(readDraftSettings({ ...typed, title: families })).toMatchObject({ ok: true, settings: { title: families } });
  });

  it('refuses a title, summary or local service name of invisible characters alone as empty', () => {
    const blank = '\u200b\u2060\ufeff\u00a0\u3164';
    expect(readDraftSettings({ ...typed, title: blank, summary: blank, contactName: blank, contactPhone: '0800 1111' })).toEqual({
      ok: false,
      errors: [
        { field: 'title', message: M.title },
        { field: 'summary', message: M.summary },
        { field: 'contactName', message: M.contactName }
      ]
    });
  });

  it.each(['', '0', 'ten', '-3'])('refuses %j minutes', (minutes) => {
    expect(readDraftSettings({ ...typed, minutes })).toEqual({ ok: false, errors: [{ field: 'minutes', message: M.minutes }] });
  });

  it('maps paths from the form and from the API to the form’s fields', () => {
    expect(draftSettingsField('localContact.url')).toBe('contactUrl');
    expect(draftSettingsField('definition.localContact.name')).toBe('contactName');
    expect(draftSettingsField('definition.intro.2')).toBe('intro');
    expect(draftSettingsField('pages.0.questions.1.label')).toBeUndefined();
  });
});

describe('problems with a whole definition', () => {
  it('are worded as the settings form words them, none added or dropped', () => {
    const problems = [
      { path: 'definition.title', message: 'Too small: expected string to have >=1 characters' },
      { path: 'definition.pages', message: 'Too small: expected array to have >=1 items' }
    ];
    expect(settingsWorded(problems, { title: '', audience: 'youth', summary: 'S', intro: ['I'], minutes: 5, pages: [] }, 'definition')).toEqual([
      { path: 'definition.title', message: M.title },
      { path: 'definition.pages', message: 'Too small: expected array to have >=1 items' }
    ]);
  });
});

describe('the start page’s paragraphs', () => {
  const intro = (paragraphs: unknown) => DraftSettingsSchema.shape.intro.safeParse(paragraphs);

  it('leave out a paragraph that shows nothing, and refuse paragraphs that all show nothing as none', () => {
    expect(readDraftSettings({ ...typed, intro: '\u200b\n\n \u202eWhat is your name?\u202c ' })).toMatchObject({ ok: true, settings: { intro: ['What is your name?'] } });
    expect(readDraftSettings({ ...typed, intro: '\u200b\u2060\n\n\u3164' })).toEqual({ ok: false, errors: [{ field: 'intro', message: M.intro }] });
    expect(intro(['\u2800', '   ']).error?.issues.map((i) => i.message)).toEqual([M.intro]);
  });

  it('read any Unicode without throwing; what they keep shows something and has no bidi control', () => {
    const paragraph = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\u202e', '\u2067', '\u200b', ' ', '\u3164'));
    fc.assert(
      fc.property(fc.array(fc.oneof(paragraph, fc.string({ unit: 'grapheme', maxLength: 10 })), { maxLength: 6 }), (paragraphs) => {
        let read: ReturnType<typeof intro> | undefined;
        expect(() => {
          read = intro(paragraphs);
        }).not.toThrow();
        if (!read?.success) {
          expect(read?.error?.issues.map((i) => i.message)).toEqual([M.intro]);
          return;
        }
        for (const kept of read.data) {
          expect(kept).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/u);
          expect(hasVisibleText(kept)).toBe(true);
        }
      }),
      { numRuns: 300 }
    );
  });
});
