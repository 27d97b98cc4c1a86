import { applyDraftEdit, type QuestionnaireDefinition } from '@safer-voices/survey';
import { parsedTemplate } from '@safer-voices/survey/templates';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newPagePlaces, pagePlaces, questionPlaces, readNewPagePlace, readPagePosition, readQuestionPlace } from './places.ts';

const definition = parsedTemplate('youth-safety-11-19') as QuestionnaireDefinition;
const order = (d: QuestionnaireDefinition) => d.pages.flatMap((p) => p.questions.map((q) => q.id));

describe('the places the editor offers', () => {
  it('list every page, with the question’s own place chosen and one place fewer on its own page', () => {
    const first = definition.pages[0];
    const question = first?.questions[0]?.id as string;
    const groups = questionPlaces(definition, question);
    expect(groups).toHaveLength(definition.pages.length);
    expect(groups[0]?.label).toMatch(/^Page 1: /);
    expect(groups[0]?.places).toHaveLength(first?.questions.length ?? 0);
    expect(groups[0]?.places.filter((p) => p.current).map((p) => p.value)).toEqual([`${first?.id}@0`]);
    expect(groups[1]?.places).toHaveLength((definition.pages[1]?.questions.length ?? 0) + 1);
    expect(groups[1]?.places.at(-1)?.text).toMatch(/\(last\)$/);
    expect(groups.flatMap((g) => g.places).filter((p) => p.current)).toHaveLength(1);
  });

  it('say in plain words where the question or page is now, once, and which place is last', () => {
    // The last question of a page of two: its own place reads naturally, not "(last) (now)".
    const page = definition.pages.find((p) => p.questions.length === 2);
    const number = definition.pages.indexOf(page as (typeof definition.pages)[number]) + 1;
    const groups = questionPlaces(definition, page?.questions[1]?.id as string);
    expect(groups[number - 1]?.places.map((p) => p.text)).toEqual([`Page ${number}, position 1`, `Page ${number}, position 2 (where it is now)`]);
    const all = groups.flatMap((g) => g.places);
    expect(all.filter((p) => p.text.includes('where it is now'))).toEqual(all.filter((p) => p.current));
    expect(all.filter((p) => /\(now\)|\) \(/.test(p.text))).toEqual([]);
    const last = definition.pages.length;
    expect(pagePlaces(definition, definition.pages[last - 1]?.id as string).at(-1)?.text).toBe(`Position ${last} (where it is now)`);
    const firstPage = pagePlaces(definition, definition.pages[0]?.id as string).map((p) => p.text);
    expect([firstPage[0], firstPage.at(-1)]).toEqual(['Position 1 (where it is now)', `Position ${last} (last)`]);
  });

  it('take a question exactly where it was chosen to go, through the API’s own edit', () => {
    const question = definition.pages[0]?.questions[0]?.id as string;
    const third = definition.pages[2];
    const place = readQuestionPlace(questionPlaces(definition, question)[2]?.places[1]?.value ?? '');
    expect(place).toEqual({ pageId: third?.id, at: 1 });
    const moved = applyDraftEdit(definition, { op: 'move_question', questionId: question, toPageId: place?.pageId as string, at: place?.at });
    if (!moved.ok) throw new Error(moved.problem.message);
    expect(moved.definition.pages.find((p) => p.id === third?.id)?.questions[1]?.id).toBe(question);
  });

  it('offer every page position, and after any page for a new one', () => {
    const pages = pagePlaces(definition, definition.pages[1]?.id as string);
    expect(pages.map((p) => p.value)).toEqual(definition.pages.map((_, i) => String(i + 1)));
    expect(pages.filter((p) => p.current).map((p) => p.value)).toEqual(['2']);
    const places = newPagePlaces(definition);
    expect(places[0]).toMatchObject({ value: 'end', current: true });
    expect(places.map((p) => readNewPagePlace(p.value, definition.pages.length))).toEqual([definition.pages.length, 0, ...definition.pages.slice(0, -1).map((_, i) => i + 1)]);
  });

  it('read what the forms post, and nothing else', () => {
    expect(readQuestionPlace('safe_school@0')).toEqual({ pageId: 'safe_school', at: 0 });
    for (const odd of ['', '@1', 'page@', 'page@-1', 'page@01', 'page@1.5', 'Page@1', 'page@1@2', 'page@999999', ' page@1']) expect(readQuestionPlace(odd)).toBeNull();
    expect(readPagePosition('3', 3)).toBe(3);
    for (const odd of ['0', '4', '', '1e1', '-1', ' 2', '٢']) expect(readPagePosition(odd, 3)).toBeNull();
    expect(readNewPagePlace('', 3)).toBe(3);
    expect(readNewPagePlace('nowhere', 3)).toBeNull();
  });

  it('never throw on odd input, and what they accept is a place on the questionnaire', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 0, max: 50 }), (posted, count) => {
        const place = readQuestionPlace(posted);
        if (place) {
          expect(Number.isInteger(place.at) && place.at >= 0).toBe(true);
          expect(`${place.pageId}@${place.at}`).toBe(posted);
        }
        const position = readPagePosition(posted, count);
        if (position !== null) expect(position >= 1 && position <= count).toBe(true);
        const at = readNewPagePlace(posted, count);
        if (at !== null) expect(at >= 0 && at <= count).toBe(true);
      })
    );
  });

  it('move every question to every place it is offered without losing or doubling one', () => {
    const ids = order(definition).sort();
    for (const question of order(definition).slice(0, 4)) {
      for (const place of questionPlaces(definition, question).flatMap((g) => g.places)) {
        const read = readQuestionPlace(place.value);
        const moved = applyDraftEdit(definition, { op: 'move_question', questionId: question, toPageId: read?.pageId as string, at: read?.at });
        if (!moved.ok) throw new Error(moved.problem.message);
        expect(order(moved.definition).sort()).toEqual(ids);
      }
    }
  });
});
