// "Feeling safe": a short survey for pupils aged 8 to 11. Plain words, short
// sentences and three-point scales. The safety scale keeps the youth
// version's value keys for "very safe" and "quite safe" and folds its two
// unsafe points into one, so the headline (% quite or very safe) lines up
// across age bands under the same measure keys.
import type { QuestionnaireDefinitionInput } from '../model';

const safePoints = [
  { value: 'very_safe', label: 'Very safe' },
  { value: 'quite_safe', label: 'Quite safe' },
  { value: 'not_safe', label: 'Not safe' }
];

const dontKnow = { dontKnow: "I don't know" };

export const feelingSafe8to11: QuestionnaireDefinitionInput = {
  title: 'Feeling safe',
  audience: 'child',
  ageBand: '8-11',
  summary: 'A short survey for children aged 8 to 11 about feeling safe at school, on the way to school, near home and online.',
  intro: [
    'This survey asks how safe you feel. It asks about school, the way to school, near your home and online.',
    'You do not put your name on it. Nobody will know which answers are yours. This is called being anonymous.',
    'Adults whose job is to keep children safe will read what all the children say. They will use it to make things better where you live.',
    'It takes about 10 minutes.'
  ],
  minutes: 10,
  quickExit: true,
  localContact: {
    name: "Somerset children's support line",
    description: 'Kind people you can talk to about anything that worries you. Open Monday to Friday, 9am to 5pm.',
    phone: '01632 960417'
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
          body: 'There are no right or wrong answers. Just tell us what you think. If you write that a child is being hurt, we will tell an adult whose job is to keep children safe. We will still not know your name.'
        },
        {
          id: 'assent',
          type: 'consent',
          label: 'Are you happy to start?',
          body: 'You do not have to answer any question you do not want to. You can stop at any time. Your answers are anonymous.',
          agreeLabel: 'Yes, I am happy to start',
          required: true,
          requiredError: 'Tick the box if you are happy to start'
        }
      ]
    },
    {
      id: 'age',
      questions: [
        {
          id: 'age',
          type: 'number',
          label: 'How old are you?',
          help: 'Write your age in numbers, like 9.',
          min: 7,
          max: 12,
          integer: true,
          suffix: 'years old'
        }
      ]
    },
    {
      id: 'school',
      questions: [
        {
          id: 'safe_at_school',
          type: 'scale',
          measure: 'safe_at_school',
          label: 'How safe do you feel at school?',
          points: safePoints,
          extras: dontKnow
        }
      ]
    },
    {
      id: 'journey',
      questions: [
        {
          id: 'safe_journey_school',
          type: 'scale',
          measure: 'safe_journey_school',
          label: 'How safe do you feel on the way to school and back home?',
          points: safePoints,
          extras: dontKnow
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
          label: 'How safe do you feel outside near your home in the day?',
          points: safePoints,
          extras: dontKnow
        }
      ]
    },
    {
      id: 'dark',
      questions: [
        {
          id: 'safe_area_after_dark',
          type: 'scale',
          measure: 'safe_area_after_dark',
          label: 'How safe do you feel outside near your home when it is dark?',
          points: safePoints,
          extras: { ...dontKnow, notApplicable: 'I do not go out when it is dark' }
        }
      ]
    },
    {
      id: 'go_online',
      questions: [
        {
          id: 'go_online',
          type: 'single',
          label: 'Do you go online?',
          help: 'This means games, videos, apps or chats on a phone, tablet or computer.',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' }
          ]
        }
      ]
    },
    {
      id: 'online',
      questions: [
        {
          id: 'safe_online',
          type: 'scale',
          measure: 'safe_online',
          label: 'How safe do you feel when you are online?',
          showIf: { question: 'go_online', equals: 'yes' },
          points: safePoints,
          extras: dontKnow
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
          label: 'Do you worry that someone might hurt you?',
          points: [
            { value: 'very_worried', label: 'Yes, a lot' },
            { value: 'a_bit_worried', label: 'Yes, a bit' },
            { value: 'not_worried', label: 'No' }
          ],
          extras: dontKnow
        }
      ]
    },
    {
      id: 'felt_unsafe',
      questions: [
        {
          id: 'felt_unsafe',
          type: 'single',
          label: 'Has something made you feel unsafe this school year?',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
            { value: 'not_sure', label: 'I am not sure' }
          ]
        }
      ]
    },
    {
      id: 'what_unsafe',
      questions: [
        {
          id: 'what_makes_unsafe',
          type: 'longtext',
          measure: 'what_makes_unsafe',
          label: 'What made you feel unsafe?',
          help: "You can write a little or a lot. You do not need to say anyone's name.",
          showIf: { question: 'felt_unsafe', anyOf: ['yes', 'not_sure'] },
          maxLength: 1000
        }
      ]
    },
    {
      id: 'who_tell',
      questions: [
        {
          id: 'who_would_tell',
          type: 'multiple',
          measure: 'who_would_tell',
          label: 'If you felt unsafe, who would you tell?',
          options: [
            { value: 'parent_carer', label: 'A parent or carer' },
            { value: 'teacher', label: 'A teacher or another adult at school' },
            { value: 'family', label: 'Someone else in my family' },
            { value: 'friend', label: 'A friend' },
            { value: 'other_adult', label: 'Another adult I trust' },
            { value: 'childline', label: 'Childline' }
          ],
          none: { value: 'no_one', label: 'I would not tell anyone' }
        }
      ]
    },
    {
      id: 'safer',
      questions: [
        {
          id: 'what_would_help',
          type: 'longtext',
          measure: 'what_would_help',
          label: 'What would help you feel safer?',
          help: 'It could be at school, on the way to school, near your home or online.',
          maxLength: 1000
        }
      ]
    },
    {
      id: 'anything_else',
      questions: [
        {
          id: 'anything_else',
          type: 'longtext',
          label: 'Is there anything else you want to tell us?',
          help: 'You can tell us about anything, even if we did not ask about it.',
          maxLength: 1000
        }
      ]
    }
  ]
};
