import type { TrainingExample } from '../src/model/train';

// Fragments for synthetic answers, each with the themes it would be coded
// into. Invented for load testing only: they exercise normalisation, slang
// and negation at realistic lengths, not accuracy.
const FRAGMENTS: [string, string[]][] = [
  ['older lads get kids to run packages up the line', ['county_lines']],
  ['it all kicks off on snap and then they meet up after school', ['social_media']],
  ["i don't go down the underpass after dark cos there's no lights", ['fear', 'environment']],
  ['half my year carry a blade now', ['knives_weapons']],
  ['people smoking weed and drinking in the park every night', ['drugs_alcohol', 'antisocial_behaviour', 'environment']],
  ['i got bullied all through year 8 and nobody did anything', ['bullying']],
  ['they do it to look hard in front of their mates', ['peer_pressure']],
  ['no one at home knows where they are till midnight', ['family']],
  ['bring back the youth club, there is nothing to do round here', ['youth_provision']],
  ['we never see the police any more, not even a pcso', ['policing']],
  ['men shout stuff at us from vans when we walk to school', ['vawg']],
  ['my anxiety has been really bad since it happened', ['mental_health']],
  ['groups of teenagers on e-bikes riding at people on the pavement', ['antisocial_behaviour']],
  ['the high street feels dead and threatening after 6pm', ['environment', 'fear']],
  ['people get called racist names at my school every day', ['discrimination']],
  ['got excluded in year 9 and ended up at the pru', ['exclusion']],
  ["i'm not scared of anyone round here tbh", []],
  ['we dont have gangs round here its just kids being kids', []],
  ['fix the potholes before spending money on surveys', []],
  ['honestly i dont know', []]
];
const FILLERS = ['tbh', 'ngl', 'innit', 'honestly', 'like', 'lowkey', 'idk', 'to be fair', 'and that'];

/** Deterministic pseudo-random numbers (LCG), so every run codes the same input. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function typo(word: string, next: () => number): string {
  if (word.length < 5 || next() > 0.05) return word;
  const at = 1 + Math.floor(next() * (word.length - 2));
  return word.slice(0, at) + word.slice(at + 1);
}

/** `count` labelled answers of 1–3 fragments with fillers, typos and mixed case. */
export function generateAnswers(count: number, seed = 1): TrainingExample[] {
  const next = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
  const answers: TrainingExample[] = [];
  for (let i = 0; i < count; i++) {
    const parts = 1 + Math.floor(next() * 3);
    const themes = new Set<string>();
    const sentences: string[] = [];
    for (let p = 0; p < parts; p++) {
      const [text, labels] = pick(FRAGMENTS);
      for (const label of labels) themes.add(label);
      const words = text.split(' ').map((w) => typo(w, next));
      if (next() < 0.3) words.push(pick(FILLERS));
      sentences.push(words.join(' '));
    }
    let text = sentences.join(next() < 0.5 ? '. ' : ' and ');
    if (next() < 0.4) text = text.charAt(0).toUpperCase() + text.slice(1);
    answers.push({ text, themes: [...themes], safeguarding: false });
  }
  return answers;
}
