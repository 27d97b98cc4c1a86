// Checks a designer runs before a questionnaire can be published: skip logic
// that refers to nothing, looks forward or goes round in a circle, a
// condition no answer could ever meet, a required question nobody can ever
// see, ids used twice, and wording a respondent could neither read nor hear. Each problem names the field it is about, as a
// dotted path into the definition, so an editor can show it in place.
import { questionTextProblems } from './inputs/question-text';
import type { QuestionnaireDefinition, Question, ShowIf } from './model';
import { translationProblems } from './translations';
import { EXTRA_VALUES } from './validate';

export interface LogicProblem {
  /** Dotted path into the definition, e.g. `pages.2.questions.0.showIf`. */
  path: string;
  message: string;
}

interface Located {
  question: Question;
  page: number;
  path: string;
}

/** Values a choice-like question can hold, or null when its answers are free (text, number). */
function answerValues(question: Question): string[] | null {
  switch (question.type) {
    case 'single':
      return question.options.map((o) => o.value);
    case 'multiple':
      return [...question.options.map((o) => o.value), ...(question.none ? [question.none.value] : [])];
    case 'place':
      return [...question.places.map((o) => o.value), ...(question.none ? [question.none.value] : [])];
    case 'scale': {
      const extras = question.extras ?? {};
      const keys = (Object.keys(EXTRA_VALUES) as (keyof typeof EXTRA_VALUES)[]).filter((k) => extras[k]);
      return [...question.points.map((p) => p.value), ...keys.map((k) => EXTRA_VALUES[k])];
    }
    default:
      return null;
  }
}

const listAnswer = (q: Question) => q.type === 'multiple' || (q.type === 'place' && q.multiple !== false);

/** Why a condition on `target` can never hold, or null when some answer meets it. */
export function impossibleCondition(condition: ShowIf, target: Question): string | null {
  const name = `“${target.id}”`;
  if (target.type === 'statement') return `${name} is information only and has no answer, so this condition is never true`;
  if (target.type === 'grid') return `${name} is a grid, whose answer is one choice per row; show-if cannot test it, so this condition is never true`;
  const values = answerValues(target);
  const known = (v: string) => values === null || values.includes(v);
  const listOf = values ? ` (its values are ${values.map((v) => `“${v}”`).join(', ')})` : '';

  if ('includes' in condition) {
    if (!listAnswer(target)) return `“includes” works only on questions with several answers; ${name} has one answer, so use “equals”`;
    return known(condition.includes) ? null : `“${condition.includes}” is not an answer to ${name}${listOf}`;
  }
  if ('anyOf' in condition) {
    if (target.type === 'consent') {
      return condition.anyOf.some((v) => v === 'true' || v === 'false') ? null : `${name} is a tick box; its answers are true and false`;
    }
    const unknown = condition.anyOf.filter((v) => !known(v));
    return unknown.length > 0 ? `${unknown.map((v) => `“${v}”`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not an answer to ${name}${listOf}` : null;
  }
  const value = condition.equals;
  if (listAnswer(target)) return `${name} has a list of answers, which never equals one value; use “includes”`;
  switch (target.type) {
    case 'consent':
      return typeof value === 'boolean' ? null : `${name} is a tick box; compare it with true or false`;
    case 'number':
      if (typeof value !== 'number') return `${name} is a number; compare it with a number, not ${JSON.stringify(value)}`;
      if (target.integer !== false && !Number.isInteger(value)) return `${name} takes whole numbers, so it never equals ${value}`;
      if ((target.min !== undefined && value < target.min) || (target.max !== undefined && value > target.max)) {
        return `${value} is outside the numbers ${name} accepts`;
      }
      return null;
    default:
      if (typeof value !== 'string') return `${name} has text answers; compare it with text, not ${JSON.stringify(value)}`;
      return known(value) ? null : `“${value}” is not an answer to ${name}${listOf}`;
  }
}

function duplicates(definition: QuestionnaireDefinition, problems: LogicProblem[]) {
  const pageIds = new Set<string>();
  definition.pages.forEach((page, p) => {
    if (pageIds.has(page.id)) problems.push({ path: `pages.${p}.id`, message: `Page id “${page.id}” is used more than once` });
    pageIds.add(page.id);
    page.questions.forEach((question, q) => {
      const lists = {
        options: 'options' in question ? question.options : [],
        rows: 'rows' in question ? question.rows : [],
        points: 'points' in question ? question.points : [],
        places: 'places' in question ? question.places : []
      };
      for (const [key, list] of Object.entries(lists)) {
        const seen = new Set<string>();
        list.forEach((option, o) => {
          if (seen.has(option.value)) problems.push({ path: `pages.${p}.questions.${q}.${key}.${o}.value`, message: `“${option.value}” is used twice in this question` });
          seen.add(option.value);
        });
      }
    });
  });
}

/** Follows show-if references from `start`; returns the loop's ids if it comes back round. */
function cycleFrom(start: string, conditionOf: Map<string, string>): string[] | null {
  const chain = [start];
  let current = conditionOf.get(start);
  while (current !== undefined && chain.length <= conditionOf.size) {
    if (current === start) return [...chain, start];
    if (chain.includes(current)) return null;
    chain.push(current);
    current = conditionOf.get(current);
  }
  return null;
}

/** Every logic problem in a definition; an empty list means it can be published. */
export function checkLogic(definition: QuestionnaireDefinition): LogicProblem[] {
  const problems: LogicProblem[] = [];
  duplicates(definition, problems);
  const byId = new Map<string, Located>();
  const located: Located[] = [];
  definition.pages.forEach((page, p) => {
    page.questions.forEach((question, q) => {
      const item = { question, page: p, path: `pages.${p}.questions.${q}` };
      if (byId.has(question.id)) problems.push({ path: `${item.path}.id`, message: `Question id “${question.id}” is used more than once` });
      else byId.set(question.id, item);
      located.push(item);
    });
  });
  const conditionOf = new Map(located.flatMap(({ question }) => (question.showIf ? [[question.id, question.showIf.question] as const] : [])));

  // A question is hidden for every respondent when its own condition is
  // unsound or when the question it depends on is always hidden.
  const alwaysHidden = new Set<string>();
  const reported = new Set<string>();
  for (const item of located) {
    const { question, page, path } = item;
    const condition = question.showIf;
    if (!condition) continue;
    const at = `${path}.showIf`;
    const target = byId.get(condition.question);
    const cycle = cycleFrom(question.id, conditionOf);
    let problem: string | null = null;
    if (cycle) problem = `Show-if logic goes round in a circle: ${cycle.map((id) => `“${id}”`).join(' → ')}`;
    else if (!target) problem = `Show-if refers to “${condition.question}”, but there is no question with that id`;
    else if (target.question === question) problem = 'A question cannot depend on its own answer';
    else if (target.page === page) problem = `Show-if refers to “${condition.question}” on the same page; a condition must refer to a question on an earlier page`;
    else if (target.page > page) problem = `Show-if refers to “${condition.question}”, which comes later; a condition must refer to a question on an earlier page`;
    else problem = impossibleCondition(condition, target.question);
    if (problem) {
      problems.push({ path: at, message: problem });
      reported.add(question.id);
      alwaysHidden.add(question.id);
    } else if (alwaysHidden.has(condition.question)) {
      alwaysHidden.add(question.id);
    }
  }
  for (const { question, path } of located) {
    if (question.required && question.type !== 'statement' && alwaysHidden.has(question.id)) {
      const why = reported.has(question.id) ? 'its show-if condition can never be true' : `it depends on “${question.showIf?.question}”, which is never shown`;
      problems.push({ path: `${path}.required`, message: `This question is required but always hidden: ${why}` });
    }
  }
  // Wording that shows nothing, saved before the rule: a respondent would meet an unlabelled answer.
  problems.push(...questionTextProblems(definition));
  problems.push(...translationProblems(definition));
  return problems;
}
