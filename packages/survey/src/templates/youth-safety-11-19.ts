// Young people's safety survey, ages 11 to 19. Setting items follow the
// SHEU pupil survey scale; the places grid follows council youth surveys;
// social media and fear-driven behaviour follow YEF's Children, violence and
// vulnerability. Measure keys match the 8-11 version where the item does.
// Gender is asked (optionally, beside age) because girls and boys answer the
// after-dark and town items differently, and so analysts can weight by it;
// the 8-11 version leaves it out to stay short.
import type { QuestionnaireDefinitionInput } from '../model';

const safePoints = [
  { value: 'very_safe', label: 'Very safe' },
  { value: 'quite_safe', label: 'Quite safe' },
  { value: 'not_very_safe', label: 'Not very safe' },
  { value: 'not_at_all_safe', label: 'Not at all safe' }
];

const extras = { dontKnow: "I don't know", preferNotToSay: 'Prefer not to say' };
const notAtSchool = "I'm not at school or college";

const scalePage = (id: string, label: string, more: { help?: string; notApplicable?: string } = {}) => ({
  id,
  questions: [
    {
      id,
      type: 'scale' as const,
      measure: id,
      label,
      ...(more.help ? { help: more.help } : {}),
      points: safePoints,
      extras: more.notApplicable ? { ...extras, notApplicable: more.notApplicable } : extras
    }
  ]
});

export const youthSafety11to19: QuestionnaireDefinitionInput = {
  title: "Young people's safety survey",
  audience: 'youth',
  ageBand: '11-19',
  summary: 'For young people aged 11 to 19: how safe you feel at school, getting around, in town and online, what worries you, and what would help.',
  intro: [
    'We want to hear from young people aged 11 to 19 about feeling safe: at school or college, on the way there and back, in your area and online.',
    'The survey is anonymous. We do not ask for your name, your address or the name of your school.',
    "Your answers are added together with everyone else's. The Violence Reduction Partnership (the council, police, health services, schools and youth services working together) uses them to decide what to do first, and will publish what young people said and what is being done about it. Results for small groups are never shown, so nobody can be picked out.",
    'It takes about 15 minutes.'
  ],
  minutes: 15,
  quickExit: true,
  localContact: {
    name: 'Somerset youth support line',
    description: 'Talk in confidence to a youth worker about anything that is worrying you. Monday to Friday, 10am to 8pm.',
    phone: '01632 960583'
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
          body: 'Some questions are about violence and crime. If you write something that suggests you or someone else is at risk of harm, a safeguarding lead will read it. The survey is anonymous, so they will not know who wrote it. If you need help now, use the contacts shown on every page.'
        },
        {
          id: 'consent',
          type: 'consent',
          label: 'Taking part',
          body: 'Taking part is your choice. You can skip any question you do not want to answer and stop at any time. Your answers are anonymous.',
          agreeLabel: 'I understand and want to take part',
          required: true,
          requiredError: 'Select that you want to take part to start the survey'
        }
      ]
    },
    {
      id: 'age',
      title: 'About you',
      questions: [
        { id: 'age', type: 'number', label: 'How old are you?', min: 11, max: 19, integer: true, suffix: 'years' },
        {
          id: 'gender',
          type: 'single',
          label: 'Which of these describes you?',
          help: 'We ask this to find out whether girls, boys and other young people feel differently about safety.',
          options: [
            { value: 'girl', label: 'Girl' },
            { value: 'boy', label: 'Boy' },
            { value: 'another_way', label: 'I describe myself in another way' },
            { value: 'prefer_not_to_say', label: "I'd prefer not to say" }
          ]
        }
      ]
    },
    scalePage('safe_at_school', 'How safe do you feel at school or college?', { notApplicable: notAtSchool }),
    scalePage('safe_journey_school', 'How safe do you feel going to and from school or college?', { notApplicable: notAtSchool }),
    scalePage('safe_area_day', 'How safe do you feel going out in your area during the day?'),
    scalePage('safe_area_after_dark', 'How safe do you feel going out in your area after dark?', {
      notApplicable: "I don't go out after dark"
    }),
    scalePage('safe_online', 'How safe do you feel online?', {
      help: 'For example on social media, in games or in group chats.',
      notApplicable: "I don't go online"
    }),
    {
      id: 'places',
      title: 'Places',
      questions: [
        {
          id: 'safe_places',
          type: 'grid',
          measure: 'safe_places',
          label: 'How safe do you feel in these places?',
          help: 'Think about the last few months.',
          rows: [
            { value: 'town_centre', label: 'Town centre' },
            { value: 'park', label: 'Parks' },
            { value: 'bus_station', label: 'Bus station' },
            { value: 'train_station', label: 'Train station' },
            { value: 'high_street_shops', label: 'High street shops' },
            { value: 'alleyways', label: 'Alleyways and underpasses' }
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
    {
      id: 'stay_safe',
      questions: [
        {
          id: 'changed_behaviour',
          type: 'multiple',
          measure: 'changed_behaviour',
          label: 'In the last 12 months, have you done any of these to keep yourself safe?',
          help: 'Select all that apply.',
          options: [
            { value: 'avoided_places', label: 'Avoided certain streets or places' },
            { value: 'stayed_in', label: 'Stayed in more' },
            { value: 'changed_route', label: 'Changed how I get to school, college or other places' },
            { value: 'stayed_in_group', label: 'Only gone out with other people' },
            { value: 'missed_school', label: 'Missed school or college because I was scared' }
          ],
          none: { value: 'none', label: 'I have not done any of these' }
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
          showIf: { question: 'changed_behaviour', includes: 'avoided_places' },
          multiple: true,
          places: [
            { value: 'town_centre', label: 'Town centre' },
            { value: 'park', label: 'Parks' },
            { value: 'bus_station', label: 'Bus station' },
            { value: 'train_station', label: 'Train station' },
            { value: 'high_street_shops', label: 'High street shops' },
            { value: 'alleyways', label: 'Alleyways and underpasses' }
          ],
          none: { value: 'none', label: 'None of these places' }
        }
      ]
    },
    {
      id: 'worry',
      questions: [
        {
          id: 'worry_violence',
          type: 'scale',
          measure: 'worry_violence',
          label: 'How worried are you about becoming a victim of violence?',
          points: [
            { value: 'very_worried', label: 'Very worried' },
            { value: 'fairly_worried', label: 'Fairly worried' },
            { value: 'not_very_worried', label: 'Not very worried' },
            { value: 'not_at_all_worried', label: 'Not at all worried' }
          ],
          extras
        }
      ]
    },
    {
      id: 'social_media',
      questions: [
        {
          id: 'saw_violence_social_media',
          type: 'single',
          measure: 'saw_violence_social_media',
          label: 'In the last 12 months, have you seen real-life violence on social media?',
          help: 'For example videos, posts or messages showing fights, weapons or threats.',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
            { value: 'not_sure', label: 'Not sure' },
            { value: 'prefer_not_to_say', label: 'Prefer not to say' }
          ]
        }
      ]
    },
    {
      id: 'social_media_seen',
      questions: [
        {
          id: 'social_media_content',
          type: 'multiple',
          label: 'What did you see?',
          help: 'Select all that apply.',
          showIf: { question: 'saw_violence_social_media', equals: 'yes' },
          options: [
            { value: 'fights', label: 'Fights' },
            { value: 'weapons', label: 'People carrying or using knives or other weapons' },
            { value: 'threats', label: 'Threats against a person or group' },
            { value: 'local', label: 'Violence in or near where I live' },
            { value: 'other', label: 'Something else' }
          ]
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
          label: 'What makes you feel unsafe?',
          help: "For example places, times of day or things that have happened. Please do not write anyone's name.",
          maxLength: 1500
        }
      ]
    },
    {
      id: 'why_involved',
      questions: [
        {
          id: 'why_involved',
          type: 'longtext',
          measure: 'why_involved_violence',
          label: 'Why do you think some young people get involved in violence?',
          maxLength: 1500
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
          label: 'What would help young people feel safer where you live?',
          help: 'For example things to do, places to go, people to talk to, or changes to streets and transport.',
          maxLength: 1500
        }
      ]
    }
  ]
};
