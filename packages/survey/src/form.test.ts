import { describe, expect, it } from 'vitest';
import { numberExample, readPageForm } from './form';
import { type Page, QuestionnaireDefinitionSchema } from './model';
import { validateAnswers } from './validate';

const definition = QuestionnaireDefinitionSchema.parse({
  title: 'Form fixture',
  audience: 'youth',
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
      id: 'choices',
      questions: [
        {
          id: 'go_out',
          type: 'single',
          label: 'Do you go out after dark?',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' }
          ]
        },
        {
          id: 'safe',
          type: 'scale',
          label: 'How safe?',
          points: [
            { value: 'safe', label: 'Safe' },
            { value: 'unsafe', label: 'Unsafe' }
          ],
          extras: { dontKnow: "I don't know" }
        },
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
          label: 'Which places do you avoid?',
          places: [
            { value: 'park', label: 'Park' },
            { value: 'station', label: 'Station' }
          ]
        },
        {
          id: 'worst',
          type: 'place',
          label: 'Which place feels least safe?',
          multiple: false,
          places: [
            { value: 'park', label: 'Park' },
            { value: 'station', label: 'Station' }
          ]
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
            { value: 'park', label: 'Park' },
            { value: 'bus_station', label: 'Bus station' }
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
      id: 'words',
      questions: [
        { id: 'comment', type: 'text', label: 'A few words', maxLength: 10 },
        { id: 'story', type: 'longtext', label: 'What happened?', maxLength: 12 },
        { id: 'age', type: 'number', label: 'How old are you?', min: 11, max: 19 }
      ]
    }
  ]
});

function page(id: string): Page {
  const found = definition.pages.find((p) => p.id === id);
  if (!found) throw new Error(`No page ${id}`);
  return found;
}

const read = (pageId: string, form: string | URLSearchParams | FormData) => readPageForm(page(pageId), typeof form === 'string' ? new URLSearchParams(form) : form);

describe('readPageForm', () => {
  it('reads radios, checkboxes (every value) and a single place', () => {
    const form = 'go_out=yes&safe=dont_know&changed=avoided&changed=stayed_in&avoid=park&avoid=station&worst=station';
    expect(read('choices', form)).toEqual({
      answers: {
        go_out: 'yes',
        safe: 'dont_know',
        changed: ['avoided', 'stayed_in'],
        avoid: ['park', 'station'],
        worst: 'station'
      },
      raw: {},
      errors: []
    });
  });

  it('leaves unanswered questions out rather than storing blanks', () => {
    expect(read('choices', 'go_out=&changed=').answers).toEqual({});
    expect(read('words', 'comment=%20%20&story=&age=').answers).toEqual({});
  });

  it('reads a grid from one field per row', () => {
    const { answers } = read('places', 'places.town_centre=unsafe&places.bus_station=not_applicable');
    expect(answers).toEqual({ places: { town_centre: 'unsafe', bus_station: 'not_applicable' } });
    // The unanswered row is then reported on its own field.
    expect(validateAnswers(definition, answers, { pageId: 'places' })).toEqual([{ field: 'places.park', message: 'Select an answer for “Park”' }]);
  });

  it('trims text and turns Windows line endings into plain newlines', () => {
    const form = new URLSearchParams({ comment: '  hello  ', story: '\r\nline one\r\nline two\r\n' });
    const { answers, raw } = read('words', form);
    expect(answers).toEqual({ comment: 'hello', story: 'line one\nline two' });
    expect(raw).toMatchObject({ comment: 'hello', story: 'line one\nline two' });
  });

  it('counts a new line typed in the browser as one character against the limit', () => {
    // 12 characters once CRLF is normalised; 13 if it were not.
    const { answers } = read('words', new URLSearchParams({ story: 'abcde\r\nfghijk' }));
    expect(validateAnswers(definition, answers, { pageId: 'words' })).toEqual([]);
  });

  it('reads numbers, allowing spaces and thousands separators', () => {
    expect(read('words', 'age=%2014%20').answers).toEqual({ age: 14 });
    expect(read('words', 'age=1%2C200').answers).toEqual({ age: 1200 });
  });

  it('reads digits of any script as the plain number: Arabic-Indic, Persian, Devanagari, full-width', () => {
    for (const typed of ['١٥', '۱۵', '१५', '１５', '\u200f١٥']) expect(read('words', new URLSearchParams({ age: typed })).answers).toEqual({ age: 15 });
    expect(read('words', new URLSearchParams({ age: '١٤٫٥' })).answers).toEqual({ age: 14.5 });
  });

  it('reports input that is not a number, and keeps what was typed to show back', () => {
    const { answers, raw, errors } = read('words', 'age=fourteen');
    expect(answers).toEqual({});
    expect(raw.age).toBe('fourteen');
    expect(errors).toEqual([{ field: 'age', message: 'Enter a number using digits, like 15' }]);
  });

  it('gives an example number the question accepts, the one the 8–11 age hint gives', () => {
    expect(numberExample({ min: 7, max: 12 })).toBe(9);
    expect(numberExample({ min: 11, max: 19 })).toBe(15);
    expect(numberExample({ min: 3 })).toBe(3);
    expect(numberExample({})).toBe(12);
  });

  it('passes a decimal through so validation can ask for a whole number', () => {
    const { answers, errors } = read('words', 'age=14.5');
    expect(errors).toEqual([]);
    expect(validateAnswers(definition, answers, { pageId: 'words' })).toEqual([{ field: 'age', message: 'Enter a whole number' }]);
  });

  it('treats a ticked consent box (value "yes") as consent, and anything else as not given', () => {
    expect(read('start', 'consent=yes').answers).toEqual({ consent: true });
    expect(read('start', 'consent=on').answers).toEqual({});
    const { answers } = read('start', '');
    expect(answers).toEqual({});
    expect(validateAnswers(definition, answers, { pageId: 'start' })).toEqual([{ field: 'consent', message: 'Tick the box if you agree to take part' }]);
  });

  it('ignores fields that are not questions on the page', () => {
    expect(read('start', 'consent=yes&about=x&go_out=yes&postcode=BS1').answers).toEqual({ consent: true });
  });

  it('reads a FormData post the same way', () => {
    const form = new FormData();
    form.append('changed', 'none');
    form.append('go_out', 'no');
    form.append('worst', 'park');
    expect(read('choices', form).answers).toEqual({ changed: ['none'], go_out: 'no', worst: 'park' });
  });
});
