// Words that say who a sentence is about, in canonical form (after slang and
// spelling are normalised, so "ma", "me dad" and "bro" arrive as these).

export const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself', 'mine', 'we', 'us', 'our', 'ours', 'ourselves']);

// Family words children use without "my": "Mum drinks a lot", "dad hits me".
export const OWN_FAMILY = new Set(['mum', 'mam', 'mom', 'mummy', 'mommy', 'dad', 'daddy', 'stepdad', 'stepmum', 'nan', 'nana', 'nanna', 'grandad', 'grandma', 'grandpa', 'gran']);

export const THIRD_PERSON = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself']);

// People who are someone in particular with "my" before them, anyone with "a".
export const PERSON_NOUNS = new Set([
  'son', 'daughter', 'child', 'kid', 'boy', 'girl', 'brother', 'sister', 'cousin', 'friend', 'mate', 'boyfriend',
  'girlfriend', 'partner', 'husband', 'wife', 'ex', 'uncle', 'aunt', 'auntie', 'stepson', 'stepdaughter', 'nephew',
  'niece', 'grandson', 'granddaughter', 'teenager', 'man', 'woman', 'lad', 'student', 'pupil', 'neighbour', 'housemate',
  'classmate', 'father', 'mother', 'parents', 'family', 'children', 'kids', 'sisters', 'brothers', 'friends', 'mates', 'baby'
]);

// People in general: a harm said of them is an opinion or a report, not a disclosure.
export const GENERIC = new Set([
  'people', 'person', 'kids', 'children', 'young', 'teenagers', 'teens', 'youths', 'youth', 'someone', 'somebody',
  'anyone', 'anybody', 'everyone', 'everybody', 'lads', 'boys', 'girls', 'men', 'women', 'folk', 'society', 'victims',
  'students', 'pupils', 'parents', 'generation', 'they', 'you', 'your', 'others', 'gangs', 'gang', 'nobody', 'some', 'many',
  'most', 'few', 'lots', 'loads', 'half'
]);

// Words of opinion, policy and news: with nobody named at the harm, the sentence is about the world, not the writer.
export const OPINION = new Set([
  'problem', 'problems', 'issue', 'issues', 'should', 'need', 'needs', 'nowadays', 'epidemic', 'crime', 'society',
  'government', 'council', 'sentence', 'sentences', 'prison', 'jail', 'statistics', 'rates', 'news', 'paper', 'article',
  'reported', 'heard', 'read', 'tiktok', 'facebook', 'headlines', 'stop', 'happens', 'think', 'reckon', 'believe'
]);
