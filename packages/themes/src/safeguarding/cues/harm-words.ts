// Single words of harm. No phrase list can hold every way a child says what
// is happening to them ("he lashes out", "they chased me with a knife",
// "sending me dirty messages"), so words from the language of harm count on
// their own when the sentence is about the writer or someone they know (see
// sentence-context.ts): one clear harm word is a `possible` disclosure, and a
// few weaker ones together are too. Words of opinion about the world
// ("gangs", "crime", "drugs") are not here: they say what people fear, not
// what has happened to them.
import { type Cue, cues } from './cue';

// Exact forms: stems would fold "knifed" into "knife" and "stabbed" into "stabbings".
const words = (...list: string[]) => list.map((word) => `=${word}`).join('|');

// Done to someone's body (inflected forms: "violence" and "bullying" name topics, not events).
const VIOLENCE = words(
  'punched',
  'punches',
  'kicked',
  'kicks',
  'kicking',
  'slapped',
  'slaps',
  'smacked',
  'smacks',
  'battered',
  'beaten',
  'beating',
  'thumped',
  'whacked',
  'shoved',
  'strangled',
  'strangling',
  'choked',
  'choking',
  'suffocated',
  'headbutted',
  'stamped',
  'chased',
  'chasing',
  'attacked',
  'assaulted',
  'stabbed',
  'slashed',
  'knifed',
  'glassed',
  'bitten',
  'spat',
  'pinned',
  'dragged',
  'lashes',
  'lashed',
  'tortured',
  'kidnapped',
  'mugged',
  'robbed',
  'hits',
  'hitting',
  'hurting',
  'hurts',
  'abusing',
  'abused',
  'abuser',
  'tormented',
  'terrorised'
);
// Left on a body.
const INJURY = words('bruise', 'bruises', 'bruised', 'bruising', 'bleeding', 'bled', 'wound', 'wounds', 'stitches', 'concussion', 'nosebleed', 'fractured');
const SEXUAL = words(
  'sex',
  'sexual',
  'sexually',
  'raped',
  'rape',
  'naked',
  'nude',
  'nudes',
  'porn',
  'explicit',
  'molested',
  'groped',
  'groping',
  'grooming',
  'groomed',
  'undress',
  'undressed',
  'privates',
  'paedo',
  'paedophile',
  'pedo',
  'pervert'
);
const DEATH = words('die', 'dying', 'suicide', 'suicidal', 'overdose', 'overdosed', 'noose');
const WEAK_HARM = words('hit', 'hurt', 'bullied', 'bullying', 'tablets', 'pills', 'hospital', 'killed', 'creep', 'creepy', 'touched', 'touching');
const DESPAIR = words('hopeless', 'worthless', 'pointless', 'numb', 'empty', 'burden', 'trapped', 'exhausted', 'escape', 'disappear');
const EXPLOIT = words('package', 'packages', 'parcel', 'parcels', 'drops', 'debt', 'owe', 'owes', 'owed', 'owing', 'burner', 'lifts', 'stash', 'snitch', 'snitching', 'olders');
const HOME = words(
  'temper',
  'rage',
  'drunk',
  'drinking',
  'alcoholic',
  'shouting',
  'screaming',
  'screams',
  'smashing',
  'smashed',
  'hungry',
  'starving',
  'locked',
  'threatened',
  'threatening',
  'blackmail',
  'blackmailed',
  'stalking',
  'stalked',
  'followed',
  'following',
  'secret'
);

export const HARM_WORDS: Cue[] = [
  ...cues('threat_or_attack', 'moderate')(VIOLENCE, INJURY),
  ...cues('sexual_abuse', 'moderate')(SEXUAL),
  ...cues('self_harm', 'moderate')(DEATH),
  ...cues('threat_or_attack', 'weak')(WEAK_HARM),
  ...cues('self_harm', 'weak')(DESPAIR),
  ...cues('exploitation', 'weak')(EXPLOIT),
  ...cues('abuse_at_home', 'weak')(HOME)
];
