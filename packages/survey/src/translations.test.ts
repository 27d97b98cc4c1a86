import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLogic } from './check-logic';
import { applyDraftEdit } from './edit';
import { exportQuestionnaire, importQuestionnaire } from './exchange';
import { QuestionnaireDefinitionSchema } from './model';
import { parsedTemplates } from './templates';
import { availableLanguages, incompleteLanguageMessage, incompleteLanguages, languageName, localise, missingTranslations, textDirection, translatableStrings, untranslatedTexts } from './translations';
import { validateAnswers } from './validate';

const definition = QuestionnaireDefinitionSchema.parse({
  title: 'Feeling safe',
  audience: 'youth',
  summary: 'About safety',
  intro: ['First paragraph', 'Second paragraph'],
  minutes: 5,
  localContact: { name: 'Youth hub', description: 'Someone to talk to' },
  pages: [
    {
      id: 'one',
      title: 'Where you live',
      questions: [
        {
          id: 'safe',
          type: 'scale',
          label: 'How safe?',
          required: true,
          requiredError: 'Choose how safe you feel',
          points: [
            { value: 'very', label: 'Very safe' },
            { value: 'not', label: 'Not safe' }
          ],
          extras: { dontKnow: 'Don’t know' }
        },
        { id: 'where', type: 'multiple', label: 'Where?', help: 'Pick any', options: [{ value: 'park', label: 'Park' }], none: { value: 'none', label: 'None of these' } }
      ]
    },
    { id: 'two', questions: [{ id: 'ok', type: 'consent', label: 'Agree', body: 'Read this', agreeLabel: 'I agree' }] }
  ]
});

const withArabic = { ...definition, translations: { ar: { title: 'الشعور بالأمان', 'q.safe.label': 'ما مدى شعورك بالأمان؟', 'q.safe.requiredError': 'اختر مدى شعورك بالأمان', 'q.where.help': ' ' } } };

describe('translatableStrings', () => {
  it('lists every string a respondent reads, by stable key, in order', () => {
    expect(translatableStrings(definition).map((s) => s.key)).toEqual([
      'title',
      'summary',
      'intro.0',
      'intro.1',
      'page.one.title',
      'q.safe.label',
      'q.safe.requiredError',
      'q.safe.points.very',
      'q.safe.points.not',
      'q.safe.extras.dontKnow',
      'q.where.label',
      'q.where.help',
      'q.where.options.park',
      'q.where.none',
      'q.ok.label',
      'q.ok.body',
      'q.ok.agreeLabel',
      'localContact.description'
    ]);
    expect(translatableStrings(definition)[5]).toEqual({ key: 'q.safe.label', source: 'How safe?' });
  });

  it('gives every demo template keys that are all different', () => {
    for (const { definition: d } of parsedTemplates()) {
      const keys = translatableStrings(d).map((s) => s.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('localise', () => {
  it('translates each string it has and falls back to the source for the rest', () => {
    const arabic = localise(withArabic, 'ar');
    expect(arabic.title).toBe('الشعور بالأمان');
    expect(arabic.pages[0]?.questions[0]?.label).toBe('ما مدى شعورك بالأمان؟');
    expect(arabic.summary).toBe('About safety');
    // A blank translation counts as missing.
    expect(arabic.pages[0]?.questions[1]?.help).toBe('Pick any');
    // Ids and values are untouched, so answers mean the same in every language.
    expect(arabic.pages.map((p) => p.questions.map((q) => q.id))).toEqual(definition.pages.map((p) => p.questions.map((q) => q.id)));
  });

  it('returns the definition itself for the source language or one with no translation', () => {
    expect(localise(withArabic, 'en')).toBe(withArabic);
    expect(localise(withArabic, 'pl')).toBe(withArabic);
  });

  it('localises the required-question error', () => {
    const errors = validateAnswers(localise(withArabic, 'ar'), {}, { pageId: 'one' });
    expect(errors).toContainEqual({ field: 'safe', message: 'اختر مدى شعورك بالأمان' });
  });

  it('counts what is still missing and lists the languages a respondent can choose', () => {
    expect(missingTranslations(withArabic, 'ar')).toBe(translatableStrings(definition).length - 3);
    expect(availableLanguages(withArabic)).toEqual(['en', 'ar']);
    expect(availableLanguages({ ...definition, translations: { pl: { title: '' } } })).toEqual(['en']);
  });
});

describe('what is left untranslated', () => {
  it('lists the source texts a reader of a language still meets, and nothing for the source language', () => {
    const left = untranslatedTexts(withArabic, 'ar');
    expect(left).toContain('About safety');
    expect(left).toContain('Pick any');
    expect(left).not.toContain('Feeling safe');
    expect(untranslatedTexts(withArabic, 'en')).toEqual([]);
  });

  it('marks exactly the texts localise leaves in the source language, for any translations', () => {
    const keys = translatableStrings(definition).map((s) => s.key);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.string({ unit: 'grapheme' })), (strings) => {
        const d = { ...definition, translations: { ar: strings } };
        const left = new Set(untranslatedTexts(d, 'ar'));
        const shown = translatableStrings(localise(d, 'ar'));
        const sources = translatableStrings(d);
        shown.forEach(({ source: text }, i) => {
          const untranslated = !strings[sources[i]?.key ?? '']?.trim();
          // A text left in English is always marked; a translation is never marked, unless it also is some English text shown untranslated.
          if (untranslated && !Object.values(strings).some((t) => t.trim() === text)) expect(left.has(text)).toBe(true);
          if (!untranslated && left.has(text)) expect(sources.some((s) => s.source === text)).toBe(true);
        });
      })
    );
  });

  it('finds each offered language that is not fully translated, and says so in words an officer knows', () => {
    expect(incompleteLanguages(withArabic)).toEqual([{ lang: 'ar', missing: translatableStrings(definition).length - 3, total: translatableStrings(definition).length }]);
    // A language with nothing translated is not offered, so it is not incomplete either.
    expect(incompleteLanguages({ ...definition, translations: { pl: {} } })).toEqual([]);
    const all = Object.fromEntries(translatableStrings(definition).map(({ key }) => [key, `ar ${key}`]));
    expect(incompleteLanguages({ ...definition, translations: { ar: all } })).toEqual([]);
    const [arabic] = incompleteLanguages(withArabic);
    expect(arabic && incompleteLanguageMessage(withArabic, arabic)).toBe(
      `Arabic: ${arabic?.missing} of ${arabic?.total} pieces of text are not translated, so respondents who choose it would read them in English`
    );
  });
});

describe('textDirection and languageName', () => {
  it.each([
    ['ar', 'rtl'],
    ['ur', 'rtl'],
    ['fa', 'rtl'],
    ['he', 'rtl'],
    ['ps', 'rtl'],
    ['ckb', 'rtl'],
    ['yi', 'rtl'],
    ['dv', 'rtl'],
    ['pa-Arab', 'rtl'],
    ['pl', 'ltr'],
    ['pa', 'ltr'],
    ['en-GB', 'ltr'],
    ['ku-Latn', 'ltr']
  ])('%s is written %s', (lang, dir) => expect(textDirection(lang)).toBe(dir));

  it('names a language in itself, capitalised as a list item', () => {
    expect(languageName('pl')).toBe('Polski');
    expect(languageName('ar')).toBe('العربية');
    expect(languageName('ro')).toBe('Română');
    expect(languageName('uk')).toBe('Українська');
    expect(languageName('ar', 'en')).toBe('Arabic');
  });
});

describe('checking translations', () => {
  it('reports keys that address nothing and a translation into the source language', () => {
    const broken = { ...definition, translations: { ar: { 'q.gone.label': 'x', title: 'y' }, en: { title: 'z' } } };
    expect(checkLogic(broken)).toEqual([
      { path: 'translations.ar.q.gone.label', message: expect.stringMatching(/Arabic translation “q.gone.label” is for text that is no longer/) },
      { path: 'translations.en', message: expect.stringMatching(/own language/) }
    ]);
    expect(checkLogic(withArabic)).toEqual([]);
  });

  it('refuses a language tag that is not one', () => {
    expect(QuestionnaireDefinitionSchema.safeParse({ ...definition, translations: { Arabic: {} } }).success).toBe(false);
  });

  it('drops the translations of a question when it is removed', () => {
    const result = applyDraftEdit({ ...withArabic, translations: { ar: { ...withArabic.translations.ar, 'q.where.label': 'أين؟' } } }, { op: 'remove_question', questionId: 'where' });
    const { 'q.where.help': _help, ...kept } = withArabic.translations.ar;
    expect(result.ok && result.definition.translations?.ar).toEqual(kept);
  });

  it('carries translations through export and import', () => {
    const result = importQuestionnaire(JSON.parse(JSON.stringify(exportQuestionnaire(withArabic))));
    expect(result.ok && result.definition.translations).toEqual(withArabic.translations);
  });
});

describe('a translation that shows nothing, or carries direction controls', () => {
  const withTranslations = (cy: Record<string, string>) => ({ ...definition, translations: { cy } });

  it('is no translation: the source is shown, and the language counts it as missing', () => {
    const d = withTranslations({ title: 'Teimlo’n ddiogel', 'q.safe.label': '\u200b', 'q.where.options.park': ' \u3164 ' });
    const welsh = localise(d, 'cy');
    expect(welsh.title).toBe('Teimlo’n ddiogel');
    expect(welsh.pages[0]?.questions[0]?.label).toBe('How safe?');
    expect(missingTranslations(d, 'cy')).toBe(missingTranslations(withTranslations({ title: 'Teimlo’n ddiogel' }), 'cy'));
    expect(availableLanguages(withTranslations({ title: '\u200b\u2060' }))).toEqual(['en']);
  });

  it('is shown without its direction controls, so it never reads reversed', () => {
    expect(localise(withTranslations({ 'q.safe.label': '\u202e?leef uoy od efas woH' }), 'cy').pages[0]?.questions[0]?.label).toBe('?leef uoy od efas woH');
  });

  it('never throws and never shows a direction control, whatever the translation', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const label = localise(withTranslations({ 'q.safe.label': text }), 'cy').pages[0]?.questions[0]?.label ?? '';
        expect(/[\u202a-\u202e\u2066-\u2069]/.test(label)).toBe(false);
        expect(label.trim()).not.toBe('');
      })
    );
  });
});
