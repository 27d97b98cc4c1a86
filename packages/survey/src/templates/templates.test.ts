import { describe, expect, it } from 'vitest';
import { allQuestions, nextPage, visibleQuestionIds } from '../logic';
import { type AnswerValue, type Answers, type Question, type QuestionnaireDefinition, QuestionnaireDefinitionSchema, quickExitShown, type ShowIf } from '../model';
import { validateAnswers } from '../validate';
import { parsedTemplate, parsedTemplates, templates } from './index';

const parsed = parsedTemplates();
const bySlug = (slug: string): QuestionnaireDefinition => {
  const found = parsedTemplate(slug);
  if (!found) throw new Error(`No template ${slug}`);
  return found;
};

/** Conditions that later questions place on each question, by its id. */
function conditionsOn(definition: QuestionnaireDefinition): Map<string, ShowIf[]> {
  const map = new Map<string, ShowIf[]>();
  for (const q of allQuestions(definition)) {
    if (q.showIf) map.set(q.showIf.question, [...(map.get(q.showIf.question) ?? []), q.showIf]);
  }
  return map;
}

const wantedValues = (conditions: ShowIf[]): string[] => conditions.flatMap((c) => ('equals' in c ? [String(c.equals)] : 'includes' in c ? [c.includes] : c.anyOf));

/**
 * A valid answer for a question. With `show`, pick values that open every
 * follow-up question; otherwise pick values that keep them closed.
 */
function answerFor(question: Question, conditions: ShowIf[], show: boolean): AnswerValue | undefined {
  const wanted = wantedValues(conditions);
  const pick = (values: string[]) => (show ? values.find((v) => wanted.includes(v)) : values.find((v) => !wanted.includes(v))) ?? values[0] ?? '';
  switch (question.type) {
    case 'single':
      return pick(question.options.map((o) => o.value));
    case 'scale':
      return pick(question.points.map((p) => p.value));
    case 'multiple':
      return [pick(question.options.map((o) => o.value))];
    case 'place': {
      const value = pick(question.places.map((p) => p.value));
      return question.multiple ? [value] : value;
    }
    case 'grid':
      return Object.fromEntries(question.rows.map((row) => [row.value, question.points[0]?.value ?? '']));
    case 'text':
    case 'longtext':
      // As long as allowed, and every character an emoji.
      return '😀'.repeat(question.maxLength);
    case 'number':
      return question.min ?? question.max ?? 1;
    case 'consent':
      return true;
    case 'statement':
      return undefined;
  }
}

/** Walk a template page by page as a respondent would, answering what is shown. */
function walk(definition: QuestionnaireDefinition, options: { show: boolean; requiredOnly?: boolean }) {
  const conditions = conditionsOn(definition);
  const answers: Answers = {};
  const pagesSeen: string[] = [];
  const pageErrors: unknown[] = [];
  let page = definition.pages[0] ?? null;
  while (page) {
    pagesSeen.push(page.id);
    const visible = visibleQuestionIds(definition, answers);
    for (const question of page.questions) {
      if (!visible.has(question.id) || (options.requiredOnly && !question.required)) continue;
      const value = answerFor(question, conditions.get(question.id) ?? [], options.show);
      if (value !== undefined) answers[question.id] = value;
    }
    pageErrors.push(...validateAnswers(definition, answers, { pageId: page.id }));
    page = nextPage(definition, answers, page.id);
  }
  return { answers, pagesSeen, pageErrors };
}

const isFreeText = (q: Question) => q.type === 'text' || q.type === 'longtext';

describe('templates', () => {
  it('has the three starter questionnaires with unique slugs', () => {
    const slugs = templates.map((t) => t.slug);
    expect(slugs).toEqual(['feeling-safe-8-11', 'youth-safety-11-19', 'community-safety-residents']);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('parses every template with the questionnaire schema', () => {
    for (const { slug, definition } of templates) {
      const result = QuestionnaireDefinitionSchema.safeParse(definition);
      expect(result.success ? [] : result.error.issues, slug).toEqual([]);
    }
  });

  it('gives each template the audience and age band it is written for', () => {
    expect(bySlug('feeling-safe-8-11')).toMatchObject({ audience: 'child', ageBand: '8-11' });
    expect(bySlug('youth-safety-11-19')).toMatchObject({ audience: 'youth', ageBand: '11-19' });
    expect(bySlug('community-safety-residents')).toMatchObject({ audience: 'adult' });
    expect(quickExitShown(bySlug('feeling-safe-8-11'))).toBe(true);
    expect(quickExitShown(bySlug('youth-safety-11-19'))).toBe(true);
    expect(parsedTemplate('no-such-template')).toBeUndefined();
  });

  it('covers every question type across the three', () => {
    const types = new Set(parsed.flatMap(({ definition }) => allQuestions(definition).map((q) => q.type)));
    expect([...types].sort()).toEqual(['consent', 'grid', 'longtext', 'multiple', 'number', 'place', 'scale', 'single', 'statement', 'text'].sort());
  });

  it('shares measure keys between the child and youth versions of the same item', () => {
    const measures = (slug: string) => new Set(allQuestions(bySlug(slug)).flatMap((q) => (q.measure ? [q.measure] : [])));
    const child = measures('feeling-safe-8-11');
    const youth = measures('youth-safety-11-19');
    for (const key of ['safe_at_school', 'safe_journey_school', 'safe_area_day', 'safe_area_after_dark', 'safe_online', 'worry_violence']) {
      expect(child.has(key) && youth.has(key), key).toBe(true);
    }
    expect(youth.has('saw_violence_social_media')).toBe(true);
    expect(youth.has('safe_places')).toBe(true);
  });

  it('uses the standard wording for the CSEW and Understanding Society items', () => {
    const labels = new Map(allQuestions(bySlug('community-safety-residents')).map((q) => [q.measure ?? q.id, q]));
    expect(labels.get('safe_area_after_dark')?.label).toBe('How safe do you feel walking alone in this area after dark?');
    expect(labels.get('safe_area_day')?.label).toBe('How safe do you feel walking alone in this area during the day?');
    expect(labels.get('worry_crime')?.label).toBe('Do you ever worry about the possibility that you, or anyone else who lives with you, might be the victim of crime?');
    const afterDark = labels.get('safe_area_after_dark');
    expect(afterDark?.type === 'scale' && afterDark.points.map((p) => p.label)).toEqual(['Very safe', 'Fairly safe', 'A bit unsafe', 'Very unsafe']);
  });

  it('offers "I don\'t go there" in the youth places grid', () => {
    const grid = allQuestions(bySlug('youth-safety-11-19')).find((q) => q.type === 'grid');
    expect(grid?.type === 'grid' && grid.extras.notApplicable).toBe("I don't go there");
    expect(grid?.type === 'grid' && grid.rows.map((r) => r.value)).toEqual(expect.arrayContaining(['town_centre', 'park', 'bus_station', 'train_station', 'high_street_shops', 'alleyways']));
  });

  it('asks 11 to 19 year olds, beside their age and optionally, which of girl, boy or another way describes them', () => {
    const youth = bySlug('youth-safety-11-19');
    const agePage = youth.pages.find((p) => p.id === 'age');
    expect(agePage?.questions.map((q) => q.id)).toEqual(['age', 'gender']);
    const gender = agePage?.questions[1];
    expect(gender?.required).toBe(false);
    expect(gender?.type === 'single' && gender.options.map((o) => o.value)).toEqual(['girl', 'boy', 'another_way', 'prefer_not_to_say']);
    expect(validateAnswers(youth, { consent: true, age: 14 })).toEqual([]);
    expect(validateAnswers(youth, { consent: true, gender: 'non_binary' }).map((p) => p.field)).toEqual(['gender']);
    // The youngest and the residents' surveys stay as they were.
    for (const slug of ['feeling-safe-8-11', 'community-safety-residents'])
      expect(
        allQuestions(bySlug(slug)).some((q) => q.id === 'gender'),
        slug
      ).toBe(false);
  });

  it('asks the adult worry follow-up only of people who say they worry', () => {
    const definition = bySlug('community-safety-residents');
    expect(visibleQuestionIds(definition, { worry_crime: 'yes' }).has('worry_crime_level')).toBe(true);
    expect(visibleQuestionIds(definition, { worry_crime: 'no' }).has('worry_crime_level')).toBe(false);
  });

  describe.each(parsed)('$slug', ({ slug, definition }) => {
    const questions = allQuestions(definition);

    it('starts with a consent or assent page that tells people answers are anonymous', () => {
      const consent = definition.pages[0]?.questions.find((q) => q.type === 'consent');
      expect(consent?.required).toBe(true);
      expect(consent?.type === 'consent' && consent.body).toMatch(/anonymous/);
      expect(definition.intro.join(' ')).toMatch(/anonymous/);
      expect(definition.summary.length).toBeGreaterThan(0);
      expect(definition.minutes).toBeGreaterThan(0);
    });

    it('has at least three optional free-text questions with a length limit', () => {
      const free = questions.filter(isFreeText);
      expect(free.length).toBeGreaterThanOrEqual(3);
      for (const q of free) expect(q.required, q.id).toBe(false);
      // Each sets its own limit rather than relying on the schema default.
      const input = templates.find((t) => t.slug === slug)?.definition;
      for (const q of input?.pages.flatMap((p) => p.questions) ?? []) {
        if (q.type === 'text' || q.type === 'longtext') expect(q.maxLength, q.id).toBeGreaterThan(0);
      }
    });

    it('uses skip logic whose conditions ask for values the earlier question offers', () => {
      const withLogic = questions.filter((q) => q.showIf);
      expect(withLogic.length).toBeGreaterThanOrEqual(1);
      const byId = new Map(questions.map((q) => [q.id, q]));
      for (const q of withLogic) {
        const source = byId.get(q.showIf?.question ?? '');
        const offered =
          source?.type === 'single' || source?.type === 'multiple'
            ? [...source.options, ...(source.type === 'multiple' && source.none ? [source.none] : [])].map((o) => o.value)
            : source?.type === 'place'
              ? source.places.map((p) => p.value)
              : source?.type === 'scale'
                ? source.points.map((p) => p.value)
                : [];
        for (const value of wantedValues(q.showIf ? [q.showIf] : [])) expect(offered, `${q.id} → ${value}`).toContain(value);
      }
    });

    it('gives every required question a GOV.UK-style error message', () => {
      for (const q of questions.filter((q) => q.required)) expect(q.requiredError, q.id).toMatch(/^(Select|Enter|Tick) /);
    });

    it('puts one thing on each page after the first (short questions about the respondent aside), and grids on their own page', () => {
      for (const page of definition.pages.slice(1)) {
        const aboutYou = page.id === 'age' && page.questions.every((q) => q.type === 'number' || q.type === 'single');
        expect(page.questions.length, page.id).toBeLessThanOrEqual(aboutYou ? 2 : 1);
      }
      for (const page of definition.pages) {
        if (page.questions.some((q) => q.type === 'grid')) expect(page.questions.length, page.id).toBe(1);
      }
    });

    it('gives a fictional local contact number from the Ofcom drama range', () => {
      expect(definition.localContact?.name).toBeTruthy();
      expect(definition.localContact?.phone).toMatch(/^01632 960\d{3}$/);
    });

    it('does not ask for names, postcodes, addresses or school names', () => {
      for (const q of questions) {
        expect(`${q.id} ${q.label}`, q.id).not.toMatch(/\bname\b|post ?code|address|e-?mail|phone|which school/i);
      }
    });

    it('accepts a complete response that opens every follow-up, walked page by page', () => {
      const { answers, pagesSeen, pageErrors } = walk(definition, { show: true });
      expect(pageErrors).toEqual([]);
      expect(pagesSeen).toEqual(definition.pages.map((p) => p.id));
      expect(visibleQuestionIds(definition, answers).size).toBe(questions.length);
      expect(validateAnswers(definition, answers)).toEqual([]);
    });

    it('accepts a response with only the required answers, skipping closed follow-ups', () => {
      const { answers, pagesSeen, pageErrors } = walk(definition, { show: false, requiredOnly: true });
      expect(pageErrors).toEqual([]);
      expect(validateAnswers(definition, answers)).toEqual([]);
      const hidden = questions.filter((q) => q.showIf && !visibleQuestionIds(definition, answers).has(q.id));
      expect(hidden.length).toBeGreaterThan(0);
      expect(pagesSeen.length).toBeLessThan(definition.pages.length);
    });

    it('asks for each required answer with its own message when the response is empty', () => {
      const errors = validateAnswers(definition, {});
      const required = questions.filter((q) => q.required && !q.showIf);
      expect(errors).toEqual(required.map((q) => ({ field: q.id, message: q.requiredError })));
    });
  });
});
