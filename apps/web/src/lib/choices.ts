// The options a choice question offers, split into the main list and the
// answers shown after "or" (don't know, none of these, I don't go there).
import { EXTRA_VALUES, type Question, type ScaleExtras } from '@safer-voices/survey';

export interface Choice {
  value: string;
  label: string;
}

export interface ChoiceList {
  multiple: boolean;
  main: Choice[];
  after: Choice[];
}

export function scaleExtras(extras: ScaleExtras): Choice[] {
  return (Object.keys(EXTRA_VALUES) as (keyof ScaleExtras)[]).filter((key) => extras[key]).map((key) => ({ value: EXTRA_VALUES[key], label: extras[key] as string }));
}

export function choicesOf(question: Question): ChoiceList {
  switch (question.type) {
    case 'single':
      return { multiple: false, main: question.options, after: [] };
    case 'scale':
      return { multiple: false, main: question.points, after: scaleExtras(question.extras) };
    case 'multiple':
      return { multiple: true, main: question.options, after: question.none ? [question.none] : [] };
    case 'place':
      return { multiple: question.multiple, main: question.places, after: question.none ? [question.none] : [] };
    default:
      return { multiple: false, main: [], after: [] };
  }
}
