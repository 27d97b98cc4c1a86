import { describe, expect, it } from 'vitest';
import { checkLogic } from './check-logic';
import { applyDraftEdit } from './edit';
import { QuestionSchema } from './model';
import { standardItems } from './standard-items';
import { parsedTemplate } from './templates';

const base = () => {
  const definition = parsedTemplate('community-safety-residents');
  if (!definition) throw new Error('template missing');
  return definition;
};

describe('standard items', () => {
  it('have unique keys, a measure on every question, and fit the question schema', () => {
    expect(new Set(standardItems.map((i) => i.key)).size).toBe(standardItems.length);
    for (const item of standardItems) {
      for (const question of item.questions) {
        expect(QuestionSchema.safeParse(question).success, item.key).toBe(true);
        expect(question.measure, item.key).toBeTruthy();
      }
      expect(item.questions[0]?.measure).toBe(item.measure);
    }
  });

  it('cover the perception-of-safety measures, with easy-read variants sharing the measure key', () => {
    const measures = new Set(standardItems.map((i) => i.measure));
    for (const m of [
      'safe_area_after_dark',
      'safe_area_day',
      'worry_crime',
      'worry_crime_area',
      'knife_crime_problem',
      'safe_at_school',
      'safe_journey_school',
      'safe_online',
      'safe_places',
      'changed_behaviour',
      'missed_school_fear',
      'carried_weapon'
    ]) {
      expect(measures.has(m), m).toBe(true);
    }
    const easy = standardItems.filter((i) => i.variant === 'easy_read');
    expect(easy.length).toBeGreaterThanOrEqual(5);
    for (const item of easy)
      expect(
        standardItems.some((i) => i.variant === 'standard' && i.measure === item.measure),
        item.key
      ).toBe(true);
  });

  it('keeps the CSEW wording of the after-dark item', () => {
    expect(standardItems.find((i) => i.key === 'safe_area_after_dark')?.questions[0]?.label).toBe('How safe do you feel walking alone in this area after dark?');
  });

  it('inserts every item in one step, renaming ids that are taken and keeping the logic sound', () => {
    for (const item of standardItems) {
      const result = applyDraftEdit(base(), { op: 'insert_standard_item', key: item.key, at: 1 });
      if (!result.ok) throw new Error(result.problem.message);
      expect(checkLogic(result.definition), item.key).toEqual([]);
      expect(result.definition.pages.length).toBe(base().pages.length + item.questions.length);
    }
    const twice = applyDraftEdit(base(), { op: 'insert_standard_item', key: 'worry_crime' });
    if (!twice.ok) throw new Error('insert failed');
    const added = twice.definition.pages.slice(-2).map((p) => p.questions[0]);
    expect(added.map((q) => q?.id)).toEqual(['worry_crime_2', 'worry_crime_level_2']);
    expect(added[1]?.showIf).toEqual({ question: 'worry_crime_2', equals: 'yes' });
    expect(added[0]?.measure).toBe('worry_crime');
  });
});

describe('applyDraftEdit', () => {
  const question = { id: 'extra', type: 'text', label: 'Anything else?', required: false, maxLength: 200 } as const;

  it('adds, moves and removes pages and questions', () => {
    let definition = base();
    const step = (edit: Parameters<typeof applyDraftEdit>[1]) => {
      const result = applyDraftEdit(definition, edit);
      if (!result.ok) throw new Error(result.problem.message);
      definition = result.definition;
    };
    step({ op: 'add_page', page: { id: 'more', questions: [question] }, at: 0 });
    expect(definition.pages[0]?.id).toBe('more');
    step({ op: 'move_page', pageId: 'more', to: 99 });
    expect(definition.pages.at(-1)?.id).toBe('more');
    step({ op: 'add_question', pageId: 'more', question: { ...question, id: 'extra_two' }, at: 0 });
    expect(definition.pages.at(-1)?.questions.map((q) => q.id)).toEqual(['extra_two', 'extra']);
    step({ op: 'replace_question', questionId: 'extra', question: { ...question, label: 'Tell us more' } });
    expect(definition.pages.at(-1)?.questions[1]?.label).toBe('Tell us more');
    step({ op: 'move_question', questionId: 'extra', toPageId: 'start' });
    expect(definition.pages[0]?.questions.at(-1)?.id).toBe('extra');
    step({ op: 'remove_question', questionId: 'extra_two' });
    expect(definition.pages.some((p) => p.id === 'more')).toBe(false);
    step({ op: 'remove_page', pageId: 'start' });
    expect(definition.pages[0]?.id).not.toBe('start');
    expect(base().pages[0]?.id).toBe('start');
  });

  it('says why an edit cannot be made', () => {
    const cases = [
      applyDraftEdit(base(), { op: 'remove_page', pageId: 'nope' }),
      applyDraftEdit(base(), { op: 'add_question', pageId: 'start', question: { ...question, id: 'consent' } }),
      applyDraftEdit(base(), { op: 'insert_standard_item', key: 'nope' })
    ];
    expect(cases.map((r) => (r.ok ? 'ok' : r.problem.path))).toEqual(['pageId', 'question.id', 'key']);
  });
});
