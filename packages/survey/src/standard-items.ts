// The bank of standard items (docs: domain notes §1) that an officer inserts
// in one step. Each carries its measure key, so results line up across
// questionnaires, waves and age bands: an easy-read variant for 8–11 year
// olds shares the measure key of the wording for older respondents, and the
// analysis maps its scale points onto the same headline. Wording marked
// `wordingVerified: false` still has to be checked against the source.
import type { Audience, QuestionnaireDefinitionInput } from './model';

type PageInput = QuestionnaireDefinitionInput['pages'][number];
export type QuestionInput = PageInput['questions'][number];

export interface StandardItem {
  /** Unique key of this item in the bank (a measure can have several variants). */
  key: string;
  measure: string;
  name: string;
  source: string;
  /** How the measure is usually reported. */
  headline: string;
  /** Who the wording is written for; `easy_read` items suit children aged 8–11. */
  variant: 'standard' | 'easy_read';
  audiences: Audience[];
  wordingVerified: boolean;
  /** One question per page; later questions may show only after an answer to the first. */
  questions: QuestionInput[];
}

const csewPoints = [
  { value: 'very_safe', label: 'Very safe' },
  { value: 'fairly_safe', label: 'Fairly safe' },
  { value: 'a_bit_unsafe', label: 'A bit unsafe' },
  { value: 'very_unsafe', label: 'Very unsafe' }
];
const sheuPoints = [
  { value: 'very_safe', label: 'Very safe' },
  { value: 'quite_safe', label: 'Quite safe' },
  { value: 'not_very_safe', label: 'Not very safe' },
  { value: 'not_at_all_safe', label: 'Not at all safe' }
];
/** Easy-read: three points; "very" and "quite" keep the older wording's keys for the headline. */
const easyPoints = [
  { value: 'very_safe', label: 'Very safe' },
  { value: 'quite_safe', label: 'Quite safe' },
  { value: 'not_safe', label: 'Not safe' }
];
const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' }
];
const thisArea = "By 'this area' we mean within 15 minutes' walk of your home.";

const scale = (id: string, label: string, points: typeof csewPoints, extras: Record<string, string> = { dontKnow: "Don't know" }, help?: string): QuestionInput => ({
  id,
  type: 'scale',
  measure: id,
  label,
  ...(help ? { help } : {}),
  points,
  extras
});

const csew = { source: 'Crime Survey for England and Wales (UK SDG 16.1.4)', headline: '% very or fairly safe', wordingVerified: true };
const sheu = { source: 'SHEU Health Related Behaviour Questionnaire (as used in B&NES)', headline: '% quite or very safe', wordingVerified: false };
const easy = { variant: 'easy_read' as const, audiences: ['child' as const], headline: '% quite or very safe' };

/** The setting items of the pupil survey, each with an 11–19 and an 8–11 wording. */
const settings: [measure: string, name: string, youth: string, child: string, notApplicable?: string][] = [
  ['safe_at_school', 'Safe at school', 'How safe do you feel at school or college?', 'How safe do you feel at school?', "I'm not at school or college"],
  [
    'safe_journey_school',
    'Safe going to and from school',
    'How safe do you feel going to and from school or college?',
    'How safe do you feel on the way to school and back home?',
    "I'm not at school or college"
  ],
  ['safe_online', 'Safe online', 'How safe do you feel online?', 'How safe do you feel when you are online?', "I don't go online"]
];

export const standardItems: StandardItem[] = [
  {
    key: 'safe_area_after_dark',
    measure: 'safe_area_after_dark',
    name: 'Safe walking alone after dark',
    ...csew,
    variant: 'standard',
    audiences: ['adult'],
    questions: [
      scale('safe_area_after_dark', 'How safe do you feel walking alone in this area after dark?', csewPoints, { dontKnow: "Don't know", notApplicable: 'I never walk alone after dark' }, thisArea)
    ]
  },
  {
    key: 'safe_area_day',
    measure: 'safe_area_day',
    name: 'Safe walking alone during the day',
    ...csew,
    variant: 'standard',
    audiences: ['adult'],
    questions: [
      scale('safe_area_day', 'How safe do you feel walking alone in this area during the day?', csewPoints, { dontKnow: "Don't know", notApplicable: 'I never walk alone during the day' }, thisArea)
    ]
  },
  {
    key: 'safe_area_after_dark_youth',
    measure: 'safe_area_after_dark',
    name: 'Safe going out after dark (young people)',
    ...sheu,
    variant: 'standard',
    audiences: ['youth'],
    questions: [scale('safe_area_after_dark', 'How safe do you feel going out in your area after dark?', sheuPoints, { dontKnow: "I don't know", notApplicable: "I don't go out after dark" })]
  },
  {
    key: 'safe_area_day_youth',
    measure: 'safe_area_day',
    name: 'Safe going out during the day (young people)',
    ...sheu,
    variant: 'standard',
    audiences: ['youth'],
    questions: [scale('safe_area_day', 'How safe do you feel going out in your area during the day?', sheuPoints, { dontKnow: "I don't know" })]
  },
  {
    key: 'safe_area_after_dark_easy',
    measure: 'safe_area_after_dark',
    name: 'Safe outside when it is dark (easy read, 8–11)',
    ...sheu,
    ...easy,
    questions: [
      scale('safe_area_after_dark', 'How safe do you feel outside near your home when it is dark?', easyPoints, { dontKnow: "I don't know", notApplicable: 'I do not go out when it is dark' })
    ]
  },
  {
    key: 'safe_area_day_easy',
    measure: 'safe_area_day',
    name: 'Safe outside in the day (easy read, 8–11)',
    ...sheu,
    ...easy,
    questions: [scale('safe_area_day', 'How safe do you feel outside near your home in the day?', easyPoints, { dontKnow: "I don't know" })]
  },
  ...settings.flatMap(([measure, name, youth, child, notApplicable]): StandardItem[] => [
    {
      key: measure,
      measure,
      name,
      ...sheu,
      variant: 'standard',
      audiences: ['youth'],
      questions: [scale(measure, youth, sheuPoints, { dontKnow: "I don't know", ...(notApplicable ? { notApplicable } : {}) })]
    },
    { key: `${measure}_easy`, measure, name: `${name} (easy read, 8–11)`, ...sheu, ...easy, questions: [scale(measure, child, easyPoints, { dontKnow: "I don't know" })] }
  ]),
  {
    key: 'worry_crime',
    measure: 'worry_crime',
    name: 'Worry about crime',
    source: 'Understanding Society',
    headline: '% worried',
    variant: 'standard',
    audiences: ['adult'],
    wordingVerified: true,
    questions: [
      {
        id: 'worry_crime',
        type: 'single',
        measure: 'worry_crime',
        label: 'Do you ever worry about the possibility that you, or anyone else who lives with you, might be the victim of crime?',
        options: yesNo
      },
      {
        id: 'worry_crime_level',
        type: 'single',
        measure: 'worry_crime_level',
        label: 'Is this a big worry, a bit of a worry, or an occasional doubt?',
        showIf: { question: 'worry_crime', equals: 'yes' },
        options: [
          { value: 'big_worry', label: 'A big worry' },
          { value: 'bit_of_a_worry', label: 'A bit of a worry' },
          { value: 'occasional_doubt', label: 'An occasional doubt' }
        ]
      }
    ]
  },
  {
    key: 'worry_crime_area',
    measure: 'worry_crime_area',
    name: 'Worry about crime in the area',
    source: 'MOPAC Public Attitude Survey',
    headline: '% very or fairly worried',
    variant: 'standard',
    audiences: ['adult', 'youth'],
    wordingVerified: false,
    questions: [
      scale('worry_crime_area', 'To what extent are you worried about crime in this area?', [
        { value: 'very_worried', label: 'Very worried' },
        { value: 'fairly_worried', label: 'Fairly worried' },
        { value: 'not_very_worried', label: 'Not very worried' },
        { value: 'not_at_all_worried', label: 'Not at all worried' }
      ])
    ]
  },
  {
    key: 'knife_crime_problem',
    measure: 'knife_crime_problem',
    name: 'Knife crime as a problem in the area',
    source: 'MOPAC Public Attitude Survey',
    headline: '% a major problem',
    variant: 'standard',
    audiences: ['adult', 'youth'],
    wordingVerified: false,
    questions: [
      scale('knife_crime_problem', 'To what extent do you think knife crime is a problem in this area?', [
        { value: 'major', label: 'A major problem' },
        { value: 'minor', label: 'A minor problem' },
        { value: 'not_a_problem', label: 'Not a problem at all' }
      ])
    ]
  },
  {
    key: 'safe_places',
    measure: 'safe_places',
    name: 'How safe in these places',
    source: 'Council youth surveys',
    headline: '% safe among those who go there',
    variant: 'standard',
    audiences: ['youth', 'adult'],
    wordingVerified: true,
    questions: [
      {
        id: 'safe_places',
        type: 'grid',
        measure: 'safe_places',
        label: 'How safe do you feel in these places?',
        help: 'Change the places to the ones that matter locally.',
        rows: [
          { value: 'town_centre', label: 'Town centre' },
          { value: 'park', label: 'Parks' },
          { value: 'bus_stop', label: 'Bus stops' },
          { value: 'train_station', label: 'Train station' }
        ],
        points: [
          { value: 'very_safe', label: 'Very safe' },
          { value: 'fairly_safe', label: 'Fairly safe' },
          { value: 'neither', label: 'Neither safe nor unsafe' },
          { value: 'fairly_unsafe', label: 'Fairly unsafe' },
          { value: 'very_unsafe', label: 'Very unsafe' }
        ],
        extras: { notApplicable: "I don't go there" }
      }
    ]
  },
  ...(
    [
      ['changed_behaviour', 'Changed behaviour to stay safe', 'In the last 12 months, have you changed what you do to keep yourself safe from violence?'],
      ['avoided_areas', 'Avoided areas', 'In the last 12 months, have you avoided certain streets or places because you were worried about violence?'],
      ['missed_school_fear', 'Missed school because of fear', 'In the last 12 months, have you missed school or college because you were scared of violence?'],
      ['carried_weapon', 'Carried a weapon for protection', 'In the last 12 months, have you carried a weapon to protect yourself?']
    ] as const
  ).map(
    ([measure, name, label]): StandardItem => ({
      key: measure,
      measure,
      name,
      source: 'Youth Endowment Fund, Children, violence and vulnerability',
      headline: '% yes',
      variant: 'standard',
      audiences: ['youth'],
      wordingVerified: false,
      questions: [{ id: measure, type: 'single', measure, label, options: [...yesNo, { value: 'prefer_not_to_say', label: 'Prefer not to say' }] }]
    })
  )
];

export function findStandardItem(key: string): StandardItem | undefined {
  return standardItems.find((item) => item.key === key);
}
