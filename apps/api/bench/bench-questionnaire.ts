// A published questionnaire of exactly 20 questions of mixed types, so each
// benchmark response carries 20 answers like a real youth survey.
import type { QuestionnaireDefinitionInput } from '@safer-voices/survey';

const safety = [
  { value: 'very_safe', label: 'Very safe' },
  { value: 'fairly_safe', label: 'Fairly safe' },
  { value: 'a_bit_unsafe', label: 'A bit unsafe' },
  { value: 'very_unsafe', label: 'Very unsafe' }
];
const settings = ['school', 'journey', 'area_day', 'area_dark', 'online', 'town', 'park', 'bus', 'home', 'club', 'shops', 'station'];

export const benchQuestionnaire: QuestionnaireDefinitionInput = {
  title: 'Benchmark survey',
  audience: 'youth',
  summary: 'Twenty questions for measuring ingest.',
  intro: ['Used only by the ingest benchmark.'],
  minutes: 5,
  pages: [
    ...settings.map((s) => ({
      id: `p_${s}`,
      questions: [{ id: `safe_${s}`, type: 'scale' as const, label: `How safe do you feel (${s})?`, required: true, points: safety, extras: { dontKnow: "Don't know" } }]
    })),
    {
      id: 'p_worry',
      questions: [
        {
          id: 'worry',
          type: 'single' as const,
          label: 'Do you worry about violence?',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' }
          ]
        }
      ]
    },
    {
      id: 'p_seen',
      questions: [
        {
          id: 'seen_online',
          type: 'multiple' as const,
          label: 'Where have you seen violence?',
          options: [
            { value: 'tiktok', label: 'TikTok' },
            { value: 'snapchat', label: 'Snapchat' },
            { value: 'instagram', label: 'Instagram' }
          ],
          none: { value: 'none', label: 'None of these' }
        }
      ]
    },
    {
      id: 'p_places',
      questions: [
        {
          id: 'places',
          type: 'grid' as const,
          label: 'How safe are these places?',
          rows: [
            { value: 'centre', label: 'Town centre' },
            { value: 'park', label: 'Park' }
          ],
          points: safety,
          extras: { notApplicable: "I don't go there" }
        }
      ]
    },
    { id: 'p_age', questions: [{ id: 'age', type: 'number' as const, label: 'How old are you?', min: 11, max: 19 }] },
    { id: 'p_unsafe', questions: [{ id: 'unsafe_why', type: 'longtext' as const, label: 'What makes you feel unsafe?' }] },
    { id: 'p_involved', questions: [{ id: 'why_involved', type: 'longtext' as const, label: 'Why do some young people get involved in violence?' }] },
    { id: 'p_help', questions: [{ id: 'what_helps', type: 'longtext' as const, label: 'What would help?' }] },
    {
      id: 'p_avoid',
      questions: [
        {
          id: 'avoid',
          type: 'place' as const,
          label: 'Which places do you avoid?',
          places: [
            { value: 'centre', label: 'Town centre' },
            { value: 'park', label: 'Park' }
          ],
          none: { value: 'none', label: 'None of these' }
        }
      ]
    }
  ]
};

const texts = [
  'Gangs hanging round the bus station after school, and fights get filmed and put on Snapchat.',
  'Older lads near the park at night. Not enough street lights on the way home from the leisure centre.',
  'People carrying knives because they are scared. More youth clubs and people to talk to would help.',
  'I feel fine most of the time but the underpass by the station is dark and there is broken glass.'
];

/** Varied but valid answers: 20 per response. */
export function benchAnswers(i: number): Record<string, unknown> {
  const pick = <T>(list: T[], n: number) => list[(i + n) % list.length] as T;
  return {
    ...Object.fromEntries(settings.map((s, n) => [`safe_${s}`, pick(['very_safe', 'fairly_safe', 'a_bit_unsafe', 'very_unsafe', 'dont_know'], n)])),
    worry: pick(['yes', 'no'], 0),
    seen_online: i % 5 === 0 ? ['none'] : ['tiktok', 'snapchat'].slice(0, 1 + (i % 2)),
    places: { centre: pick(['very_safe', 'a_bit_unsafe'], 1), park: pick(['not_applicable', 'fairly_safe'], 2) },
    age: 11 + (i % 9),
    unsafe_why: pick(texts, 0),
    why_involved: pick(texts, 1),
    what_helps: pick(texts, 2),
    avoid: i % 3 === 0 ? ['none'] : ['centre']
  };
}
