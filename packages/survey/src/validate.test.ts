import { describe, expect, it } from 'vitest';
import { type Answers, QuestionnaireDefinitionSchema } from './model';
import { INTERFACE_LANGUAGES, interfaceText } from './interface-messages';
import { aboutWords, isEmptyAnswer, requiredMessage, scaleValues, validateAnswers } from './validate';

const definition = QuestionnaireDefinitionSchema.parse({
  title: 'Validation fixture',
  audience: 'adult',
  summary: 'Fixture',
  intro: ['Fixture'],
  minutes: 5,
  pages: [
    {
      id: 'start',
      questions: [
        { id: 'about', type: 'statement', label: 'About', body: 'About this survey' },
        { id: 'consent', type: 'consent', label: 'Taking part', body: 'Anonymous', agreeLabel: 'I agree', required: true }
      ]
    },
    {
      id: 'safety',
      questions: [
        {
          id: 'safe_dark',
          type: 'scale',
          label: 'How safe do you feel walking alone in this area after dark?',
          required: true,
          requiredError: 'Select how safe you feel walking alone in this area after dark',
          points: [
            { value: 'very_safe', label: 'Very safe' },
            { value: 'fairly_safe', label: 'Fairly safe' },
            { value: 'a_bit_unsafe', label: 'A bit unsafe' },
            { value: 'very_unsafe', label: 'Very unsafe' }
          ],
          extras: { dontKnow: "Don't know" }
        }
      ]
    },
    {
      id: 'places',
      questions: [
        {
          id: 'places',
          type: 'grid',
          label: 'How safe do you feel in these places?',
          required: true,
          rows: [
            { value: 'town_centre', label: 'Town centre' },
            { value: 'park', label: 'Park' }
          ],
          points: [
            { value: 'safe', label: 'Safe' },
            { value: 'unsafe', label: 'Unsafe' }
          ],
          extras: { notApplicable: "I don't go there" }
        }
      ]
    },
    {
      id: 'worry',
      questions: [
        {
          id: 'worry',
          type: 'single',
          label: 'Do you ever worry about crime?',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' }
          ]
        }
      ]
    },
    {
      id: 'worry_level',
      questions: [
        {
          id: 'worry_level',
          type: 'single',
          label: 'How much?',
          required: true,
          showIf: { question: 'worry', equals: 'yes' },
          options: [
            { value: 'big', label: 'A big worry' },
            { value: 'bit', label: 'A bit of a worry' }
          ]
        }
      ]
    },
    {
      id: 'behaviour',
      questions: [
        {
          id: 'changed',
          type: 'multiple',
          label: 'Have you done any of these?',
          options: [
            { value: 'avoided', label: 'Avoided places' },
            { value: 'stayed_in', label: 'Stayed in' }
          ],
          none: { value: 'none', label: 'None of these' }
        },
        {
          id: 'avoid',
          type: 'place',
          label: 'Which one place do you avoid most?',
          multiple: false,
          places: [{ value: 'park', label: 'Park' }],
          none: { value: 'none', label: 'None' }
        }
      ]
    },
    {
      id: 'numbers',
      questions: [
        { id: 'age', type: 'number', label: 'How old are you?', min: 11, max: 19 },
        { id: 'hours', type: 'number', label: 'Hours online a day', min: 0, max: 24, integer: false }
      ]
    },
    {
      id: 'words',
      questions: [
        { id: 'comment', type: 'text', label: 'One word', maxLength: 10 },
        { id: 'story', type: 'longtext', label: 'What happened?', maxLength: 20, required: true }
      ]
    }
  ]
});

const valid: Answers = {
  consent: true,
  safe_dark: 'fairly_safe',
  places: { town_centre: 'safe', park: 'not_applicable' },
  worry: 'yes',
  worry_level: 'bit',
  changed: ['avoided', 'stayed_in'],
  avoid: 'park',
  age: 14,
  hours: 2.5,
  comment: 'Fine',
  story: 'Nothing much'
};

const errorsFor = (changes: Answers, without: string[] = []) => {
  const answers: Answers = { ...valid, ...changes };
  for (const id of without) delete answers[id];
  return validateAnswers(definition, answers);
};

describe('validateAnswers on a whole response', () => {
  it('accepts a complete, valid response', () => {
    expect(validateAnswers(definition, valid)).toEqual([]);
  });

  it('accepts leaving out optional questions and hidden required ones', () => {
    expect(errorsFor({ worry: 'no' }, ['worry_level', 'changed', 'avoid', 'age', 'hours', 'comment'])).toEqual([]);
  });

  it('reports an answer to a question that does not exist', () => {
    expect(errorsFor({ postcode: 'BS1 1AA' })).toEqual([{ field: 'postcode', message: 'There is no question “postcode” in this questionnaire' }]);
  });

  it('reports an answer of the wrong type for each kind of question', () => {
    const cases: [string, Answers[string], string][] = [
      ['safe_dark', ['fairly_safe'], 'Answer must be one option'],
      ['avoid', true, 'Answer must be one option'],
      ['changed', 'avoided', 'Answer must be a list of options'],
      ['places', 'safe', 'Answer must give one option per row'],
      ['places', ['safe'], 'Answer must give one option per row'],
      ['comment', 42, 'Answer must be text'],
      ['age', '14', 'Answer must be a number'],
      ['age', Number.NaN, 'Answer must be a number'],
      ['consent', 'yes', 'Answer must be true or false']
    ];
    for (const [field, value, message] of cases) {
      expect(errorsFor({ [field]: value }), field).toEqual([{ field, message }]);
    }
  });

  it('reports an option that is not offered', () => {
    expect(errorsFor({ worry: 'maybe' }, ['worry_level'])).toEqual([{ field: 'worry', message: '“maybe” is not one of the options' }]);
    expect(errorsFor({ changed: ['avoided', 'moved_house'] })).toEqual([{ field: 'changed', message: '“moved_house” is not one of the options' }]);
    expect(errorsFor({ avoid: 'station' })).toEqual([{ field: 'avoid', message: '“station” is not one of the options' }]);
  });

  it('accepts only the extras a scale offers', () => {
    expect(errorsFor({ safe_dark: 'dont_know' })).toEqual([]);
    expect(errorsFor({ safe_dark: 'prefer_not_to_say' })).toEqual([{ field: 'safe_dark', message: '“prefer_not_to_say” is not one of the options' }]);
  });

  it('reports a bad grid row by its own field id', () => {
    expect(errorsFor({ places: { town_centre: 'dont_know', park: 'safe' } })).toEqual([{ field: 'places.town_centre', message: '“dont_know” is not one of the options' }]);
    expect(errorsFor({ places: { town_centre: 'safe', park: 'safe', beach: 'safe' } })).toEqual([{ field: 'places.beach', message: '“beach” is not a row of this question' }]);
  });

  it('reports an answer to a question the other answers hide', () => {
    expect(errorsFor({ worry: 'no', worry_level: 'big' })).toEqual([{ field: 'worry_level', message: 'This question was not shown, so it cannot be answered' }]);
  });

  it('reports an answer to a statement', () => {
    expect(errorsFor({ about: 'read' })).toEqual([{ field: 'about', message: 'This item is information only and takes no answer' }]);
  });

  it('reports missing required answers with the question’s own message or a default', () => {
    expect(errorsFor({}, ['safe_dark', 'story', 'worry_level'])).toEqual([
      { field: 'safe_dark', message: 'Select how safe you feel walking alone in this area after dark' },
      { field: 'worry_level', message: 'Select an answer to “How much?”' },
      { field: 'story', message: 'Enter an answer to “What happened?”' }
    ]);
    expect(errorsFor({ story: '' })).toEqual([{ field: 'story', message: 'Enter an answer to “What happened?”' }]);
  });

  it('reports each unanswered row of a required grid, so each can be linked to', () => {
    expect(errorsFor({}, ['places'])).toEqual([
      { field: 'places.town_centre', message: 'Select an answer for “Town centre”' },
      { field: 'places.park', message: 'Select an answer for “Park”' }
    ]);
    expect(errorsFor({ places: { park: 'unsafe' } })).toEqual([{ field: 'places.town_centre', message: 'Select an answer for “Town centre”' }]);
  });

  it('limits text length, counting an emoji as one character', () => {
    expect(errorsFor({ comment: 'a'.repeat(10) })).toEqual([]);
    expect(errorsFor({ comment: '😀'.repeat(10) })).toEqual([]);
    expect(errorsFor({ comment: '😀'.repeat(11) })).toEqual([{ field: 'comment', message: 'Answer must be 10 characters or fewer (you wrote 11)' }]);
    expect(errorsFor({ story: 'x'.repeat(21) })).toEqual([{ field: 'story', message: 'Answer must be 20 characters or fewer (you wrote 21)' }]);
  });

  it('tells children an answer is too long in the words under the box (“about 160 words”), in every language', () => {
    const forChildren = { ...definition, audience: 'child' as const };
    const long = { ...valid, story: 'x'.repeat(21) };
    expect(validateAnswers(forChildren, long)).toEqual([{ field: 'story', message: 'That is too long. Please write up to about 10 words.' }]);
    expect(aboutWords(1000)).toBe(160);
    expect(interfaceText('en', 'upToWords', { words: aboutWords(1000) }).text).toBe('You can write up to about 160 words.');
    for (const lang of INTERFACE_LANGUAGES) {
      const [error] = validateAnswers(forChildren, long, { lang });
      expect(error).toEqual({ field: 'story', message: interfaceText(lang, 'textTooLongWords', { words: 10 }).text, lang });
      expect(error?.message).toContain('10');
      expect(error?.message).not.toContain('21');
    }
  });

  it('checks numbers against their range and whole-number rule', () => {
    expect(errorsFor({ age: 11 })).toEqual([]);
    expect(errorsFor({ age: 19 })).toEqual([]);
    expect(errorsFor({ age: 10 })).toEqual([{ field: 'age', message: 'Enter a number that is 11 or more' }]);
    expect(errorsFor({ age: 20 })).toEqual([{ field: 'age', message: 'Enter a number that is 19 or less' }]);
    expect(errorsFor({ age: 14.5 })).toEqual([{ field: 'age', message: 'Enter a whole number' }]);
    expect(errorsFor({ hours: 0.5 })).toEqual([]);
    expect(errorsFor({ hours: -1 })).toEqual([{ field: 'hours', message: 'Enter a number that is 0 or more' }]);
    expect(errorsFor({ hours: Number.POSITIVE_INFINITY })).toEqual([{ field: 'hours', message: 'Answer must be a number' }]);
  });

  it('does not allow an exclusive "none" with other answers', () => {
    expect(errorsFor({ changed: ['none'] })).toEqual([]);
    expect(errorsFor({ avoid: 'none' })).toEqual([]);
    expect(errorsFor({ changed: ['none', 'avoided'] })).toEqual([{ field: 'changed', message: 'You cannot choose “none” together with other answers' }]);
    expect(errorsFor({ changed: ['avoided', 'avoided'] })).toEqual([{ field: 'changed', message: 'Each option can be chosen only once' }]);
  });

  it('requires consent to be given', () => {
    const message = 'Tick the box if you agree to take part';
    expect(errorsFor({}, ['consent'])).toEqual([{ field: 'consent', message }]);
    expect(errorsFor({ consent: false })).toEqual([{ field: 'consent', message }]);
  });
});

describe('validateAnswers for one page', () => {
  it('checks only the questions on that page', () => {
    // Consent is missing and there is an unknown answer, but neither is on this page.
    const answers: Answers = { safe_dark: 'nope', postcode: 'BS1 1AA', comment: 'x'.repeat(50) };
    expect(validateAnswers(definition, answers, { pageId: 'safety' })).toEqual([{ field: 'safe_dark', message: '“nope” is not one of the options' }]);
    expect(validateAnswers(definition, {}, { pageId: 'worry' })).toEqual([]);
  });

  it('uses answers from earlier pages to decide what the page shows', () => {
    expect(validateAnswers(definition, { worry: 'yes' }, { pageId: 'worry_level' })).toEqual([{ field: 'worry_level', message: 'Select an answer to “How much?”' }]);
    expect(validateAnswers(definition, { worry: 'no' }, { pageId: 'worry_level' })).toEqual([]);
  });

  it('reports every problem on a page with several questions', () => {
    expect(validateAnswers(definition, { age: 'old', hours: 30 }, { pageId: 'numbers' })).toEqual([
      { field: 'age', message: 'Answer must be a number' },
      { field: 'hours', message: 'Enter a number that is 24 or less' }
    ]);
  });
});

describe('helpers', () => {
  it('lists the values a scale accepts, extras last', () => {
    const scale = definition.pages[1]?.questions[0];
    if (scale?.type !== 'scale') throw new Error('fixture changed');
    expect(scaleValues(scale)).toEqual(['very_safe', 'fairly_safe', 'a_bit_unsafe', 'very_unsafe', 'dont_know']);
    expect(requiredMessage(scale)).toBe('Select how safe you feel walking alone in this area after dark');
  });

  it('treats blank or space-only text, empty lists and empty grids as unanswered, but not 0 or false', () => {
    expect([undefined, '', '   ', [], {}].map(isEmptyAnswer)).toEqual([true, true, true, true, true]);
    expect([0, false, ' a ', ['a'], { r: 'a' }].map(isEmptyAnswer)).toEqual([false, false, false, false, false]);
  });
});

describe('messages in the respondent’s language', () => {
  it('writes the interface’s messages in the language asked for, saying which, and English with no language for the API', () => {
    expect(validateAnswers(definition, { hours: 30 }, { pageId: 'numbers', lang: 'ar' })).toContainEqual({ field: 'hours', message: 'أدخل رقمًا يساوي 24 أو أقل', lang: 'ar' });
    expect(validateAnswers(definition, { hours: 30 }, { pageId: 'numbers', lang: 'cy' })).toContainEqual({ field: 'hours', message: 'Rhowch rif sy’n 24 neu lai', lang: 'cy' });
    // A language the interface is not written in gets English, marked as English.
    expect(validateAnswers(definition, { hours: 30 }, { pageId: 'numbers', lang: 'pa' })).toContainEqual({ field: 'hours', message: 'Enter a number that is 24 or less', lang: 'en' });
    expect(validateAnswers(definition, { hours: 30 }, { pageId: 'numbers' })).toContainEqual({ field: 'hours', message: 'Enter a number that is 24 or less' });
  });

  it('keeps the officer’s own required-question words, which came localised with the questionnaire', () => {
    const scale = definition.pages[1]?.questions[0];
    if (scale?.type !== 'scale') throw new Error('fixture changed');
    expect(requiredMessage(scale, 'pl')).toBe('Select how safe you feel walking alone in this area after dark');
    expect(requiredMessage({ ...scale, requiredError: undefined }, 'pl')).toBe(`Wybierz odpowiedź na pytanie „${scale.label}”`);
  });
});
