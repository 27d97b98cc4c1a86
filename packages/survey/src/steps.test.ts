import { describe, expect, it } from 'vitest';
import { readStepForm } from './form';
import { visibleQuestionIds, withoutHiddenAnswers } from './logic';
import { type AnswerValue, type Answers, type Question, QuestionnaireDefinitionSchema } from './model';
import { skipping } from './skipping';
import { findStep, journeySteps, pageSteps, type Step, stepAfter, stepBefore, stepFields, stepProgress, strayStepAnswers, validateStep, withStepAnswers } from './steps';
import { parsedTemplate, parsedTemplates } from './templates/index';
import { validateAnswers } from './validate';

const points = [
  { value: 'safe', label: 'Safe' },
  { value: 'unsafe', label: 'Unsafe' }
];

// Go online? -> how safe online (follow-up page); a page mixing a statement,
// a grid of places and a question after it; a conditional last page.
const definition = QuestionnaireDefinitionSchema.parse({
  title: 'Steps fixture',
  audience: 'child',
  summary: 'Fixture',
  intro: ['Fixture'],
  minutes: 5,
  pages: [
    { id: 'start', questions: [{ id: 'about', type: 'statement', label: 'About', body: 'About this survey' }] },
    {
      id: 'online',
      questions: [
        {
          id: 'go_online',
          type: 'single',
          label: 'Do you go online?',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' }
          ]
        }
      ]
    },
    { id: 'safe_online', questions: [{ id: 'safe_online', type: 'scale', label: 'How safe online?', points, showIf: { question: 'go_online', equals: 'yes' } }] },
    {
      id: 'places',
      questions: [
        { id: 'places_intro', type: 'statement', label: 'Places', body: 'Now some places.' },
        {
          id: 'safe_places',
          type: 'grid',
          label: 'How safe do you feel in these places?',
          required: true,
          rows: [
            { value: 'park', label: 'Parks' },
            { value: 'town', label: 'Town centre' },
            { value: 'bus', label: 'Bus station' }
          ],
          points
        },
        { id: 'other_place', type: 'text', label: 'Any other place?' }
      ]
    },
    { id: 'why', questions: [{ id: 'why', type: 'longtext', label: 'Why?', showIf: { question: 'go_online', equals: 'no' } }] },
    { id: 'end', questions: [{ id: 'anything_else', type: 'longtext', label: 'Anything else?' }] }
  ]
});

const names = (steps: Step[]) => steps.map((s) => `${s.page.id}:${s.key}`);

describe('steps', () => {
  it('gives each row of a grid a step of its own, between the questions around it', () => {
    expect(names(journeySteps(definition, { go_online: 'yes' }))).toEqual([
      'start:about',
      'online:go_online',
      'safe_online:safe_online',
      'places:places_intro',
      'places:safe_places.park',
      'places:safe_places.town',
      'places:safe_places.bus',
      'places:other_place',
      'end:anything_else'
    ]);
    const places = pageSteps(definition.pages[3] as never, visibleQuestionIds(definition, {}));
    expect(places.map((s) => s.first)).toEqual([true, false, false, false, false]);
    expect(places[2]?.row).toMatchObject({ row: { value: 'town' }, index: 1 });
    expect(places.map(stepFields)).toEqual([['places_intro'], ['safe_places.park'], ['safe_places.town'], ['safe_places.bus'], ['other_place']]);
  });

  it('finds a page’s first step without a key, and none for a key the page does not have', () => {
    expect(findStep(definition, {}, 'places')?.key).toBe('places_intro');
    expect(findStep(definition, {}, 'places', 'safe_places.bus')?.row?.row.label).toBe('Bus station');
    expect(findStep(definition, {}, 'places', 'safe_places.nowhere')).toBeUndefined();
    expect(findStep(definition, {}, 'nowhere')).toBeUndefined();
    // A follow-up not (yet) shown has no step.
    expect(findStep(definition, {}, 'safe_online')).toBeUndefined();
  });

  it('moves forward and back through rows and over hidden pages', () => {
    const answers = { go_online: 'no' };
    const town = findStep(definition, answers, 'places', 'safe_places.town') as Step;
    expect(stepAfter(definition, answers, town)?.key).toBe('safe_places.bus');
    expect(stepBefore(definition, answers, town)?.key).toBe('safe_places.park');
    const online = findStep(definition, answers, 'online') as Step;
    expect(stepAfter(definition, answers, online)?.key).toBe('places_intro');
    const last = findStep(definition, answers, 'end') as Step;
    expect(stepAfter(definition, answers, last)).toBeNull();
    expect(stepBefore(definition, answers, last)?.key).toBe('why');
    expect(stepBefore(definition, answers, findStep(definition, answers, 'start') as Step)).toBeNull();
  });

  it('counts only steps every respondent sees; a follow-up keeps the number before it', () => {
    const progress = (answers: Answers) => journeySteps(definition, answers).map((s) => stepProgress(definition, s));
    // start, online, intro, three rows, other place, end: 8 for everyone.
    expect(progress({ go_online: 'yes' }).map((p) => `${p.number}/${p.count}`)).toEqual(['1/8', '2/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
    expect(progress({ go_online: 'no' }).map((p) => `${p.number}/${p.count}`)).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '7/8', '8/8']);
    expect(progress({}).map((p) => p.count)).toEqual(Array(8).fill(8));
  });
});

// A journey through a template as a respondent takes it: answer each step,
// with choices drawn from `seed`, then go to the step after it.
function* journey(slug: string, seed: number) {
  const def = parsedTemplate(slug);
  if (!def) throw new Error(slug);
  let random = seed;
  const draw = (n: number) => {
    random = (random * 1103515245 + 12345) % 2147483648;
    return random % n;
  };
  const answer = (q: Question, step: Step): AnswerValue | undefined => {
    switch (q.type) {
      case 'single':
        return q.options[draw(q.options.length)]?.value;
      case 'scale':
        return q.points[draw(q.points.length)]?.value;
      case 'multiple':
        return [q.options[draw(q.options.length)]?.value ?? ''];
      case 'place':
        return q.multiple ? [q.places[draw(q.places.length)]?.value ?? ''] : q.places[draw(q.places.length)]?.value;
      case 'grid':
        return { [step.row?.row.value ?? '']: q.points[draw(q.points.length)]?.value ?? '' };
      case 'number':
        return q.min ?? 1;
      case 'consent':
        return true;
      case 'text':
      case 'longtext':
        return draw(2) ? 'Some words' : undefined;
      default:
        return undefined;
    }
  };
  let answers: Answers = {};
  let step = journeySteps(def, answers)[0] ?? null;
  while (step) {
    yield { def, step, progress: stepProgress(def, step) };
    const given: Answers = {};
    for (const q of step.questions) {
      const value = draw(5) === 0 && !q.required ? undefined : answer(q, step);
      if (value !== undefined) given[q.id] = value;
    }
    expect(strayStepAnswers(step, given)).toEqual([]);
    expect(validateStep(def, withStepAnswers(answers, step, given), step)).toEqual([]);
    answers = withStepAnswers(answers, step, given);
    step = stepAfter(def, answers, step);
  }
}

describe('"Part n of m" in every template', () => {
  for (const { slug } of parsedTemplates()) {
    it(`${slug}: the same total for everyone, counting up by one or staying, ending at the total`, () => {
      const totals = new Set<number>();
      for (let seed = 1; seed <= 60; seed++) {
        const seen = [...journey(slug, seed)].map((s) => s.progress);
        for (const p of seen) totals.add(p.count);
        expect(seen[0]?.number).toBe(1);
        for (let i = 1; i < seen.length; i++) expect((seen[i]?.number ?? 0) - (seen[i - 1]?.number ?? 0)).toBeOneOf([0, 1]);
        expect(seen.at(-1)?.number).toBe(seen.at(-1)?.count);
      }
      expect(totals.size).toBe(1);
    });
  }

  it('youth-safety-11-19: the places grid asks one place per step, under the same question', () => {
    const steps = [...journey('youth-safety-11-19', 7)].map((s) => s.step).filter((s) => s.row);
    expect(steps.map((s) => s.row?.row.value)).toEqual(['town_centre', 'park', 'bus_station', 'train_station', 'high_street_shops', 'alleyways']);
    expect(new Set(steps.map((s) => s.row?.question.label))).toEqual(new Set(['How safe do you feel in these places?']));
  });
});

describe('a grid that skip logic shows', () => {
  const withGrid = QuestionnaireDefinitionSchema.parse({
    ...definition,
    pages: [
      ...definition.pages.slice(0, 2),
      {
        id: 'online_places',
        questions: [
          {
            id: 'online_grid',
            type: 'grid',
            label: 'How safe are these?',
            showIf: { question: 'go_online', equals: 'yes' },
            rows: [
              { value: 'games', label: 'Games' },
              { value: 'chats', label: 'Chats' }
            ],
            points
          }
        ]
      },
      ...definition.pages.slice(3)
    ]
  });

  it('asks its rows only when the answer it depends on shows it, counted as the follow-up of that question', () => {
    const shown = journeySteps(withGrid, { go_online: 'yes' });
    expect(names(shown).slice(1, 4)).toEqual(['online:go_online', 'online_places:online_grid.games', 'online_places:online_grid.chats']);
    expect(shown.slice(1, 4).map((s) => stepProgress(withGrid, s))).toEqual([
      { number: 2, count: 8 },
      { number: 2, count: 8 },
      { number: 2, count: 8 }
    ]);
    expect(names(journeySteps(withGrid, { go_online: 'no' }))).not.toContain('online_places:online_grid.games');
    // Changing the answer that showed it drops the grid's answer with the rest of what it hid.
    const online = findStep(withGrid, { go_online: 'yes' }, 'online_places', 'online_grid.chats') as Step;
    expect(withStepAnswers({ go_online: 'yes' }, online, { online_grid: { chats: 'safe' } })).toEqual({ go_online: 'yes', online_grid: { chats: 'safe' } });
    expect(withoutHiddenAnswers(withGrid, { go_online: 'no', online_grid: { chats: 'safe' } })).toEqual({ go_online: 'no' });
  });
});

describe('answers of a step', () => {
  const row = (key: string) => findStep(definition, {}, 'places', key) as Step;

  it('replaces one row of a grid and keeps the others, in the grid’s order, as one answer', () => {
    const stored: Answers = { go_online: 'no', safe_places: { bus: 'unsafe', park: 'safe' } };
    expect(withStepAnswers(stored, row('safe_places.town'), { safe_places: { town: 'safe' } })).toEqual({
      go_online: 'no',
      safe_places: { park: 'safe', town: 'safe', bus: 'unsafe' }
    });
    // Left blank: the row is cleared; the last row cleared clears the grid.
    expect(withStepAnswers(stored, row('safe_places.bus'), {})).toEqual({ go_online: 'no', safe_places: { park: 'safe' } });
    expect(withStepAnswers({ safe_places: { park: 'safe' } }, row('safe_places.park'), {})).toEqual({});
  });

  it('replaces the questions of a group step and nothing else', () => {
    const stored: Answers = { other_place: 'The river', safe_places: { park: 'safe' } };
    expect(withStepAnswers(stored, row('other_place'), {})).toEqual({ safe_places: { park: 'safe' } });
    expect(withStepAnswers(stored, row('other_place'), { other_place: 'Shops' })).toEqual({ other_place: 'Shops', safe_places: { park: 'safe' } });
  });

  it('names answers that are not on the step', () => {
    expect(strayStepAnswers(row('safe_places.town'), { safe_places: { town: 'safe', park: 'safe' }, other_place: 'x' })).toEqual(['safe_places.park', 'other_place']);
    expect(strayStepAnswers(row('other_place'), { other_place: 'x' })).toEqual([]);
  });

  it('asks a required grid row by row: only this row is missing, a bad value anywhere is still refused', () => {
    const check = (answers: Answers, key: string) => validateStep(definition, answers, findStep(definition, {}, 'places', key) ?? { ...row('safe_places.park'), key });
    expect(check({}, 'safe_places.park')).toEqual([{ field: 'safe_places.park', message: 'Select an answer for “Parks”' }]);
    expect(check({ safe_places: { park: 'safe' } }, 'safe_places.park')).toEqual([]);
    expect(check({ safe_places: { park: 'safe', bus: 'never' } }, 'safe_places.park')).toEqual([{ field: 'safe_places.bus', message: '“never” is not one of the options' }]);
    expect(check({}, 'safe_places.nowhere')).toHaveLength(1);
    // The whole page, as before, still wants every row.
    expect(validateAnswers(definition, { safe_places: { park: 'safe' } }, { pageId: 'places' }).map((e) => e.field)).toEqual(['safe_places.town', 'safe_places.bus']);
  });

  it('reads only the step’s row from a form', () => {
    const form = new URLSearchParams('safe_places.park=safe&safe_places.town=unsafe&other_place=x');
    expect(readStepForm(row('safe_places.town'), form).answers).toEqual({ safe_places: { town: 'unsafe' } });
    expect(readStepForm(row('places_intro'), form).answers).toEqual({});
  });
});

describe('saying questions may be skipped', () => {
  it('the 8–11 template says so once and marks no question; the others mark each optional question', () => {
    expect(skipping(parsedTemplate('feeling-safe-8-11') as never)).toEqual({ notice: 'all', markOptional: false });
    expect(skipping(parsedTemplate('youth-safety-11-19') as never)).toEqual({ notice: 'all', markOptional: true });
    expect(skipping(definition)).toEqual({ notice: 'some', markOptional: true });
  });
});
