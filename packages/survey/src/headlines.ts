// How each perception-of-safety measure is reported (docs: domain notes §1):
// which answers count towards the headline percentage, and which are left
// out of its base. Variants of a measure for different age bands share the
// key, so their answers are counted together: "quite safe" in the 8–11 and
// SHEU wording stands beside the CSEW "fairly safe". Answers outside the
// labelled points ("don't know", "I don't go there", "prefer not to say") are
// never in the base, as in the surveys these measures come from.
import type { Question } from './model';
import { EXTRA_VALUES } from './validate';

export interface Headline {
  /** A short name for charts and tables, e.g. "Safe after dark"; a grid row adds its own label. */
  name: string;
  /** How the figure reads, e.g. "% very or fairly safe". */
  label: string;
  /** Answers that count towards the percentage; for a question with several answers, choosing any of them counts. */
  counts: readonly string[] | 'any';
  /** Answers left out of the base besides the extras (don't know, not applicable, prefer not to say). */
  notInBase?: readonly string[];
}

const safe = (name: string): Headline => ({ name, label: '% very, fairly or quite safe', counts: ['very_safe', 'fairly_safe', 'quite_safe'] });
const yes = (name: string): Headline => ({ name, label: '% yes', counts: ['yes'], notInBase: ['prefer_not_to_say'] });
const majorProblem = (name: string): Headline => ({ name, label: '% a major problem', counts: ['major'] });

export const HEADLINES: Readonly<Record<string, Headline>> = {
  safe_area_after_dark: safe('Safe after dark'),
  safe_area_day: safe('Safe during the day'),
  safe_at_school: safe('Safe at school'),
  safe_journey_school: safe('Safe going to and from school'),
  safe_online: safe('Safe online'),
  safe_places: { name: 'Safe', label: '% very or fairly safe, of those who go there', counts: ['very_safe', 'fairly_safe'] },
  worry_crime: { name: 'Worried about crime', label: '% worried', counts: ['yes'] },
  worry_crime_area: { name: 'Worried about crime in the area', label: '% very or fairly worried', counts: ['very_worried', 'fairly_worried'] },
  worry_violence: { name: 'Worried about violence', label: '% worried', counts: ['very_worried', 'fairly_worried', 'a_bit_worried'] },
  knife_crime_problem: majorProblem('Knife crime'),
  problem_in_area: majorProblem('Problem'),
  saw_violence_social_media: yes('Saw violence on social media'),
  avoided_areas: yes('Avoided areas'),
  missed_school_fear: yes('Missed school from fear'),
  carried_weapon: yes('Carried a weapon'),
  // Asked as a yes/no item or as a list of things done ("none" being the only answer that does not count).
  changed_behaviour: { name: 'Changed behaviour to stay safe', label: '% who changed what they do to stay safe', counts: ['yes'], notInBase: ['prefer_not_to_say'] },
  avoid_places: { name: 'Avoids a place', label: '% who avoid at least one place', counts: 'any' }
};

export interface QuestionHeadline extends Headline {
  measure: string;
  counts: readonly string[];
  notInBase: readonly string[];
}

/**
 * The headline for a question, with its answer values spelled out, or null
 * when the question has no measure key with a known headline or its type
 * cannot give one. For a multiple-answer question every answer but its
 * exclusive "none" counts (choosing any of the things listed).
 */
export function headlineOf(question: Question): QuestionHeadline | null {
  const measure = question.measure;
  const headline = measure ? HEADLINES[measure] : undefined;
  if (!measure || !headline) return null;
  const notInBase = [...Object.values(EXTRA_VALUES), ...(headline.notInBase ?? [])];
  switch (question.type) {
    case 'scale':
    case 'grid':
    case 'single': {
      const values = question.type === 'single' ? question.options : question.points;
      const counts = headline.counts === 'any' ? [] : headline.counts.filter((v) => values.some((o) => o.value === v));
      return counts.length > 0 ? { ...headline, measure, counts, notInBase } : null;
    }
    case 'multiple':
    case 'place': {
      const options = question.type === 'multiple' ? question.options : question.places;
      return { ...headline, measure, counts: options.map((o) => o.value).filter((v) => !notInBase.includes(v)), notInBase };
    }
    default:
      return null;
  }
}
