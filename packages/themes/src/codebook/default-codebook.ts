import { HARM_THEMES } from './default-themes-harm';
import { PEOPLE_THEMES } from './default-themes-people';
import { PLACE_THEMES } from './default-themes-places';
import { type Codebook, codebookSchema } from './types';

// The theme order analysts see in reports.
const ORDER = [
  'exclusion',
  'social_media',
  'county_lines',
  'fear',
  'knives_weapons',
  'drugs_alcohol',
  'bullying',
  'peer_pressure',
  'family',
  'youth_provision',
  'policing',
  'vawg',
  'mental_health',
  'antisocial_behaviour',
  'environment',
  'discrimination'
];

const all = [...HARM_THEMES, ...PEOPLE_THEMES, ...PLACE_THEMES];

/** The default codebook (v1): 16 themes for Violence Reduction Partnership surveys. */
export const DEFAULT_CODEBOOK: Codebook = codebookSchema.parse({
  name: 'default',
  version: 1,
  description: 'Themes that free-text answers about youth violence and community safety are coded into. Multi-label: code what the answer is about, not single words.',
  rules: [
    'fear only when the text shows fear, worry or avoidance; the question alone is not fear.',
    'Naming a place one avoids is fear, and environment when the place itself is described as unsafe.',
    'CCTV and lighting are environment; patrols, calling 999 and trust in police are policing.',
    'Domestic abuse between adults at home is family and vawg.',
    'Needles, nitrous canisters and drug litter are antisocial_behaviour and drugs_alcohol.',
    'Online rumours are social_media; add the rumour’s topic only when the answer discusses it.',
    'Safeguarding is a flag, not a theme: a first-person or identifiable disclosure of current or recent harm or risk.'
  ],
  themes: ORDER.map((id) => {
    const theme = all.find((t) => t.id === id);
    if (!theme) throw new Error(`default codebook is missing theme ${id}`);
    return theme;
  })
});
