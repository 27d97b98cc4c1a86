import { describe, expect, it } from 'vitest';
import { headlineOf } from './headlines';
import { standardItems } from './standard-items';
import type { Question } from './model';
import { QuestionSchema } from './model';

const question = (input: unknown) => QuestionSchema.parse(input) as Question;
const bankQuestion = (key: string) => question(standardItems.find((item) => item.key === key)?.questions[0]);

describe('measure headlines', () => {
  it('line the age-band wordings of a measure up on the same headline', () => {
    const adult = headlineOf(bankQuestion('safe_area_after_dark'));
    const child = headlineOf(bankQuestion('safe_area_after_dark_easy'));
    expect(adult).toMatchObject({ measure: 'safe_area_after_dark', label: '% very, fairly or quite safe', counts: ['very_safe', 'fairly_safe'] });
    expect(child).toMatchObject({ measure: 'safe_area_after_dark', label: adult?.label, counts: ['very_safe', 'quite_safe'] });
    // "Don't know" and "I never walk alone after dark" are not in the base.
    expect(adult?.notInBase).toEqual(expect.arrayContaining(['dont_know', 'not_applicable']));
  });

  it('count a yes, leaving “prefer not to say” out of the base', () => {
    expect(headlineOf(bankQuestion('carried_weapon'))).toMatchObject({ label: '% yes', counts: ['yes'], notInBase: expect.arrayContaining(['prefer_not_to_say']) });
  });

  it('count any answer but “none” of a question with several answers', () => {
    const places = question({
      id: 'avoid_places',
      type: 'place',
      measure: 'avoid_places',
      label: 'Which of these places do you avoid?',
      places: [
        { value: 'park', label: 'Parks' },
        { value: 'station', label: 'Station' }
      ],
      none: { value: 'none', label: 'None of these' }
    });
    expect(headlineOf(places)).toMatchObject({ label: '% who avoid at least one place', counts: ['park', 'station'] });
  });

  it('give no headline to a question without a known measure, or whose answers cannot give it', () => {
    expect(
      headlineOf(
        question({
          id: 'colour',
          type: 'single',
          label: 'Colour?',
          options: [
            { value: 'red', label: 'Red' },
            { value: 'blue', label: 'Blue' }
          ]
        })
      )
    ).toBeNull();
    expect(
      headlineOf(
        question({
          id: 'x',
          type: 'single',
          measure: 'invented_here',
          label: 'X?',
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' }
          ]
        })
      )
    ).toBeNull();
    // The measure is known, but none of these answers is one it counts.
    expect(
      headlineOf(
        question({
          id: 'y',
          type: 'single',
          measure: 'carried_weapon',
          label: 'Y?',
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' }
          ]
        })
      )
    ).toBeNull();
  });
});
