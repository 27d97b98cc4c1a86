// Residents' community safety survey. Safe after dark / during the day use
// the Crime Survey for England and Wales wording and scale; worry about crime
// the Understanding Society yes/no question with its three-point follow-up;
// worry about crime in the area and problems in the area follow the MOPAC
// Public Attitude Survey (wording not yet checked against the original).
import type { QuestionnaireDefinitionInput } from '../model';

const csewPoints = [
  { value: 'very_safe', label: 'Very safe' },
  { value: 'fairly_safe', label: 'Fairly safe' },
  { value: 'a_bit_unsafe', label: 'A bit unsafe' },
  { value: 'very_unsafe', label: 'Very unsafe' }
];

const thisArea = "By 'this area' we mean within 15 minutes' walk of your home.";

const places = [
  { value: 'town_centre', label: 'Town centre' },
  { value: 'park', label: 'Parks and open spaces' },
  { value: 'bus_station', label: 'Bus station' },
  { value: 'train_station', label: 'Train station' },
  { value: 'high_street_shops', label: 'High street shops' },
  { value: 'alleyways', label: 'Alleyways, underpasses and footpaths' },
  { value: 'car_parks', label: 'Car parks' }
];

export const communitySafetyResidents: QuestionnaireDefinitionInput = {
  title: 'Community safety survey',
  audience: 'adult',
  summary: 'For people who live in the area: how safe you feel, whether you worry about crime, which problems matter most and which places you avoid.',
  intro: [
    'We want to know how safe people feel in this area, what worries them and what would make a difference.',
    "The survey is anonymous. We do not ask for your name, address or postcode. Please do not include them, or anyone else's, in your answers.",
    'Answers are combined and reported as totals. Results based on fewer than 10 people are not published, so no one can be identified. The Violence Reduction Partnership and its partners (the council, police, health services and community organisations) will use the findings to set priorities, and will publish what residents said and what is being done about it.',
    'It takes about 10 minutes.'
  ],
  minutes: 10,
  localContact: {
    name: 'Somerset support line for people affected by crime',
    description: 'Free, confidential support for anyone affected by crime, whether or not it was reported to the police. Monday to Saturday, 8am to 8pm.',
    phone: '01632 960742'
  },
  pages: [
    {
      id: 'start',
      title: 'Before you start',
      questions: [
        {
          id: 'about',
          type: 'statement',
          label: 'About this survey',
          body: 'Some questions ask about crime and violence. You can skip any question marked (optional), and you can stop at any time before you submit. Because answers are anonymous, they cannot be removed once submitted.'
        },
        {
          id: 'consent',
          type: 'consent',
          label: 'Do you agree to take part?',
          body: "Taking part is voluntary. Your answers are anonymous and will only be reported combined with other people's.",
          agreeLabel: 'I agree to take part',
          required: true,
          requiredError: 'Select that you agree to take part to start the survey'
        }
      ]
    },
    {
      id: 'after_dark',
      questions: [
        {
          id: 'safe_area_after_dark',
          type: 'scale',
          measure: 'safe_area_after_dark',
          label: 'How safe do you feel walking alone in this area after dark?',
          help: thisArea,
          required: true,
          requiredError: 'Select how safe you feel walking alone in this area after dark',
          points: csewPoints,
          extras: { dontKnow: "Don't know", notApplicable: 'I never walk alone after dark' }
        }
      ]
    },
    {
      id: 'day',
      questions: [
        {
          id: 'safe_area_day',
          type: 'scale',
          measure: 'safe_area_day',
          label: 'How safe do you feel walking alone in this area during the day?',
          help: thisArea,
          required: true,
          requiredError: 'Select how safe you feel walking alone in this area during the day',
          points: csewPoints,
          extras: { dontKnow: "Don't know", notApplicable: 'I never walk alone during the day' }
        }
      ]
    },
    {
      id: 'worry_crime',
      questions: [
        {
          id: 'worry_crime',
          type: 'single',
          measure: 'worry_crime',
          label: 'Do you ever worry about the possibility that you, or anyone else who lives with you, might be the victim of crime?',
          required: true,
          requiredError: 'Select yes if you ever worry that you, or anyone who lives with you, might be the victim of crime',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' }
          ]
        }
      ]
    },
    {
      id: 'worry_crime_level',
      questions: [
        {
          id: 'worry_crime_level',
          type: 'single',
          measure: 'worry_crime_level',
          label: 'Is this a big worry, a bit of a worry, or an occasional doubt?',
          showIf: { question: 'worry_crime', equals: 'yes' },
          required: true,
          requiredError: 'Select whether this is a big worry, a bit of a worry or an occasional doubt',
          options: [
            { value: 'big_worry', label: 'A big worry' },
            { value: 'bit_of_a_worry', label: 'A bit of a worry' },
            { value: 'occasional_doubt', label: 'An occasional doubt' }
          ]
        }
      ]
    },
    {
      id: 'worry_crime_area',
      questions: [
        {
          id: 'worry_crime_area',
          type: 'scale',
          measure: 'worry_crime_area',
          label: 'To what extent are you worried about crime in this area?',
          help: thisArea,
          points: [
            { value: 'very_worried', label: 'Very worried' },
            { value: 'fairly_worried', label: 'Fairly worried' },
            { value: 'not_very_worried', label: 'Not very worried' },
            { value: 'not_at_all_worried', label: 'Not at all worried' }
          ],
          extras: { dontKnow: "Don't know" }
        }
      ]
    },
    {
      id: 'problems',
      title: 'Problems in this area',
      questions: [
        {
          id: 'problems_area',
          type: 'grid',
          measure: 'problem_in_area',
          label: 'To what extent do you think each of these is a problem in this area?',
          help: thisArea,
          rows: [
            { value: 'knife_crime', label: 'Knife crime' },
            { value: 'violence_in_public', label: 'Violence and fights in public places' },
            { value: 'drug_dealing', label: 'Drug dealing' },
            { value: 'exploitation', label: 'Young people being exploited by gangs, for example county lines' },
            { value: 'anti_social_behaviour', label: 'Anti-social behaviour' },
            { value: 'vandalism', label: 'Vandalism and graffiti' }
          ],
          points: [
            { value: 'major', label: 'A major problem' },
            { value: 'minor', label: 'A minor problem' },
            { value: 'not_a_problem', label: 'Not a problem at all' }
          ],
          extras: { dontKnow: "Don't know" }
        }
      ]
    },
    {
      id: 'avoid',
      questions: [
        {
          id: 'avoid_places',
          type: 'place',
          measure: 'avoid_places',
          label: 'Which of these places do you avoid?',
          help: 'Select all that apply.',
          multiple: true,
          places,
          none: { value: 'none', label: 'I do not avoid any of these places' }
        }
      ]
    },
    {
      id: 'why_avoid',
      questions: [
        {
          id: 'why_avoid',
          type: 'longtext',
          label: 'Why do you avoid these places?',
          help: 'For example the time of day, things that have happened there, or lighting.',
          showIf: { question: 'avoid_places', anyOf: places.map((p) => p.value) },
          maxLength: 1500
        }
      ]
    },
    {
      id: 'unsafe',
      questions: [
        {
          id: 'what_makes_unsafe',
          type: 'longtext',
          measure: 'what_makes_unsafe',
          label: 'What, if anything, makes you feel unsafe in this area?',
          maxLength: 2000
        }
      ]
    },
    {
      id: 'help',
      questions: [
        {
          id: 'what_would_help',
          type: 'longtext',
          measure: 'what_would_help',
          label: 'What would make this area feel safer?',
          maxLength: 2000
        }
      ]
    },
    {
      id: 'age',
      title: 'About you',
      questions: [
        {
          id: 'age_band',
          type: 'single',
          label: 'What is your age?',
          help: 'We ask this to check that we have heard from people of all ages.',
          options: [
            { value: 'age_18_24', label: '18 to 24' },
            { value: 'age_25_34', label: '25 to 34' },
            { value: 'age_35_44', label: '35 to 44' },
            { value: 'age_45_54', label: '45 to 54' },
            { value: 'age_55_64', label: '55 to 64' },
            { value: 'age_65_74', label: '65 to 74' },
            { value: 'age_75_plus', label: '75 or over' },
            { value: 'prefer_not_to_say', label: 'Prefer not to say' }
          ]
        }
      ]
    },
    {
      id: 'anything_else',
      questions: [
        {
          id: 'anything_else',
          type: 'text',
          label: 'Is there anything else you would like to tell us about safety in this area?',
          maxLength: 500
        }
      ]
    }
  ]
};
