import { QuestionSchema } from '@safer-voices/survey';
import { describe, expect, it } from 'vitest';
import { describeAnswer } from './describe-answer.ts';

const q = (input: unknown) => QuestionSchema.parse(input);

describe('describeAnswer (check your answers)', () => {
  it('shows option labels, not stored values', () => {
    const question = q({
      id: 'safe',
      type: 'scale',
      label: 'How safe?',
      points: [
        { value: 'very_safe', label: 'Very safe' },
        { value: 'unsafe', label: 'Unsafe' }
      ],
      extras: { dontKnow: "Don't know" }
    });
    expect(describeAnswer(question, 'very_safe')).toEqual(['Very safe']);
    expect(describeAnswer(question, 'dont_know')).toEqual(["Don't know"]);
  });

  it('lists each chosen option and each grid row on its own line', () => {
    const multiple = q({
      id: 'apps',
      type: 'multiple',
      label: 'Apps',
      options: [
        { value: 'tiktok', label: 'TikTok' },
        { value: 'snap', label: 'Snapchat' }
      ]
    });
    expect(describeAnswer(multiple, ['tiktok', 'snap'])).toEqual(['TikTok', 'Snapchat']);
    const grid = q({
      id: 'places',
      type: 'grid',
      label: 'Places',
      rows: [
        { value: 'park', label: 'Park' },
        { value: 'bus', label: 'Bus station' }
      ],
      points: [
        { value: 'safe', label: 'Safe' },
        { value: 'unsafe', label: 'Unsafe' }
      ],
      extras: { notApplicable: "I don't go there" }
    });
    expect(describeAnswer(grid, { park: 'not_applicable' })).toEqual(["Park: I don't go there", 'Bus station: Not answered']);
  });

  it('says "Not answered" for skipped questions and adds units to numbers', () => {
    const age = q({ id: 'age', type: 'number', label: 'Age', suffix: 'years' });
    expect(describeAnswer(age, 14)).toEqual(['14 years']);
    expect(describeAnswer(age, undefined)).toEqual(['Not answered']);
  });
});
