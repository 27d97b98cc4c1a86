import { DraftDefinitionSchema } from '@safer-voices/survey';
import { describe, expect, it } from 'vitest';
import { applyRowCommand, stateOf, toQuestion } from './question-form.ts';

const definition = DraftDefinitionSchema.parse({
  title: 'Fixture',
  audience: 'youth',
  summary: 'Fixture',
  intro: ['Fixture'],
  minutes: 5,
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'go_out',
          type: 'single',
          label: 'Go out?',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' }
          ]
        }
      ]
    },
    {
      id: 'p2',
      questions: [
        {
          id: 'where',
          type: 'single',
          label: 'Where?',
          options: [
            { value: 'park', label: 'Park' },
            { value: 'club', label: 'Club' }
          ]
        }
      ]
    }
  ]
});
const where = definition.pages[1]?.questions[0];

describe('the question form', () => {
  it('makes values from labels left without one, and keeps a chosen condition', () => {
    if (!where) throw new Error('fixture');
    const state = stateOf(where);
    state.lists.options = [...(state.lists.options ?? []), { label: "Friends' houses", value: '' }, { label: '', value: '' }];
    state.showIf = { question: 'go_out', op: 'equals', values: ['yes'], text: '' };
    const result = toQuestion(state, definition);
    expect('question' in result && result.question).toMatchObject({
      options: [{ value: 'park' }, { value: 'club' }, { value: 'friends_houses', label: "Friends' houses" }],
      showIf: { question: 'go_out', equals: 'yes' }
    });
  });

  it('moves, adds and removes rows without saving', () => {
    if (!where) throw new Error('fixture');
    const state = stateOf(where);
    expect(applyRowCommand(state, 'options.0.down')).toBe('options.1.label');
    expect(state.lists.options?.map((o) => o.value)).toEqual(['club', 'park']);
    applyRowCommand(state, 'options.add');
    applyRowCommand(state, 'options.0.remove');
    expect(state.lists.options?.map((o) => o.value)).toEqual(['park', '']);
  });

  it('names the fields that are wrong', () => {
    if (!where) throw new Error('fixture');
    const state = { ...stateOf(where), label: '', lists: { options: [{ label: 'Only', value: '' }] } };
    state.showIf = { question: 'go_out', op: 'equals', values: ['yes', 'no'], text: '' };
    const result = toQuestion(state, definition);
    expect('errors' in result && result.errors.map((e) => e.field)).toEqual(['showIf.values', 'label', 'options']);
  });

  it('refuses a question of spaces and an option of a zero-width space at their fields, and keeps no right-to-left override', () => {
    if (!where) throw new Error('fixture');
    const blank = toQuestion(
      {
        ...stateOf(where),
        label: '\u3164',
        lists: {
          options: [
            { label: 'Park', value: 'park' },
            { label: '\u200b', value: 'club' }
          ]
        }
      },
      definition
    );
    expect('errors' in blank && blank.errors).toEqual([
      { field: 'label', message: 'Enter the question' },
      { field: 'options.1.label', message: 'Enter the answer option' }
    ]);
    const reversed = toQuestion(
      {
        ...stateOf(where),
        label: '\u202eWhat is your name?',
        lists: {
          options: [
            { label: '\u2067Park\u2069', value: 'park' },
            { label: 'Club', value: 'club' }
          ]
        }
      },
      definition
    );
    expect('question' in reversed && reversed.question).toMatchObject({ label: 'What is your name?', options: [{ label: 'Park' }, { label: 'Club' }] });
  });
});
