// Every disclosure cue, and the words that say when and how seriously
// something was said (see cue.ts for the syntax and strengths).
import type { Cue } from './cue.js';
import { EXPLOITATION } from './exploitation.js';
import { HARM_WORDS } from './harm-words.js';
import { ABUSE_AT_HOME, NEGLECT } from './home.js';
import { SELF_HARM } from './self-harm.js';
import { SEXUAL_ABUSE } from './sexual.js';
import { THREAT_OR_ATTACK, WEAPON_NOW } from './violence.js';

export { type Cue, type CueCategory, type CueStrength, expandBraces } from './cue.js';

export const DISCLOSURE_CUES: Cue[] = [...SELF_HARM, ...ABUSE_AT_HOME, ...NEGLECT, ...SEXUAL_ABUSE, ...EXPLOITATION, ...THREAT_OR_ATTACK, ...WEAPON_NOW, ...HARM_WORDS];

export { EARLIER_CUES, INNOCENT_CUES, JOKE_CUES, LONG_AGO_CUES, PRESENT_CUES, RESOLVED_CUES } from './context.js';
