// The product's own words a respondent reads, in English: the source every
// other language's catalogue translates. Words in braces ({count}) are filled
// in when shown and must stay as they are in every translation.
export const en = {
  // Every page
  exitThisPage: 'Exit this page',
  emergency: 'Emergency',
  errorPrefix: 'Error:',
  thereIsAProblem: 'There is a problem',
  back: 'Back',
  // The help box
  help: 'Help',
  helpCompact: 'Worried or upset? Talk to {childline} free on {phone}, any time.',
  helpTitle: 'If you need help or want to talk',
  helpDanger: 'If you are in danger now, call {phone}.',
  helpCall: 'Call {phone}',
  helpChildline: 'free, private help for anyone under 19. Call {phone} or visit {site}.',
  helpFearless: 'tell someone about crime without giving your name, at {site}.',
  helpCrimestoppers: 'report crime anonymously on {phone}.',
  helpVictimSupport: 'free support line {phone}.',
  // The start page
  language: 'Language',
  forChildren: 'For children',
  forChildrenAged: 'For children aged {ages}',
  forYoungPeople: 'For young people',
  forYoungPeopleAged: 'For young people aged {ages}',
  forAdults: 'For adults',
  forAdultsAged: 'For adults aged {ages}',
  takesMinutes: 'It takes about {minutes} minutes',
  expired: 'Your answers were cleared, or you took a break for a long time. Please start again.',
  accessCode: 'Access code',
  accessCodeHint: 'It is on the slip or the board your teacher or organiser showed you, for example ABCD-EFGH.',
  startNow: 'Start now',
  closed: 'This survey has closed.',
  closedMore: 'Thank you for your interest. It is not taking any more answers.',
  notOpen: 'This survey is not open yet.',
  notOpenMore: 'Please come back later.',
  // Question pages
  partOf: 'Part {number} of {count}',
  youCanSkip: 'You can skip any question.',
  youCanSkipMarked: 'You can skip any question marked “(optional)”.',
  pickMoreThanOne: 'You can pick more than one.',
  upToWords: 'You can write up to about {words} words.',
  optional: '(optional)',
  selectAll: 'Select all that apply.',
  or: 'or',
  upToCharacters: 'You can write up to {limit} characters.',
  continue: 'Continue',
  // Answer errors
  requiredChoice: 'Select an answer to “{label}”',
  requiredMultiple: 'Select at least one answer to “{label}”',
  requiredPlace: 'Select a place for “{label}”',
  requiredPlaces: 'Select at least one place for “{label}”',
  requiredText: 'Enter an answer to “{label}”',
  requiredNumber: 'Enter a number for “{label}”',
  requiredConsent: 'Tick the box if you agree to take part',
  requiredRow: 'Select an answer for “{row}”',
  numberDigits: 'Enter a number using digits, like {example}',
  numberWhole: 'Enter a whole number',
  numberAtLeast: 'Enter a number that is {min} or more',
  numberAtMost: 'Enter a number that is {max} or less',
  textTooLong: 'Answer must be {max} characters or fewer (you wrote {length})',
  // Check your answers
  checkYourAnswers: 'Check your answers',
  checkIntro: 'You can change any answer before you send them. Once sent, answers cannot be changed.',
  notAnswered: 'Not answered',
  change: 'Change',
  changeWhat: 'your answer to:',
  sendHeading: 'Send your answers',
  anonymous: 'Your answers are anonymous. Nobody will know which answers are yours.',
  send: 'Send my answers',
  // The done page
  thankYou: 'Thank you for your answers',
  sent: 'Your answers have been sent and saved.',
  whatHappens: 'What you told us will help local councils, schools, police and health services understand what makes people feel safe or unsafe, and decide what to do about it.',
  nobodyWillKnow: 'Nobody will know which answers are yours.',
  changesChildren: 'See what has changed because of what children and young people said',
  changesYoungPeople: 'See what has changed because of what young people said',
  changesPeople: 'See what has changed because of what people said',
  backToList: 'Back to the list of surveys'
} as const;

export type MessageKey = keyof typeof en;
/** A whole catalogue: every key, so leaving one out is a type error. */
export type Messages = Record<MessageKey, string>;
