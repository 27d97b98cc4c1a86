// Every disclosure cue, and the words that say when and how seriously
// something was said (see cue.ts for the syntax and strengths).
import type { Cue } from './cue';
import { EXPLOITATION } from './exploitation';
import { HARM_WORDS } from './harm-words';
import { ABUSE_AT_HOME, NEGLECT } from './home';
import { SELF_HARM } from './self-harm';
import { SEXUAL_ABUSE } from './sexual';
import { THREAT_OR_ATTACK, WEAPON_NOW } from './violence';

export { type Cue, type CueCategory, type CueStrength, expandBraces } from './cue';

export const DISCLOSURE_CUES: Cue[] = [...SELF_HARM, ...ABUSE_AT_HOME, ...NEGLECT, ...SEXUAL_ABUSE, ...EXPLOITATION, ...THREAT_OR_ATTACK, ...WEAPON_NOW, ...HARM_WORDS];

export { EARLIER_CUES, INNOCENT_CUES, JOKE_CUES, LONG_AGO_CUES, PRESENT_CUES, RESOLVED_CUES } from './context';
