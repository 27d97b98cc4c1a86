// Phrases that signal current or recent harm or risk (same syntax as codebook
// seed phrases). They are deliberately broad: a missed disclosure costs far
// more than a safeguarding lead reading a false alarm. Whether the harm is to
// the writer or an identifiable child is judged separately (subject.ts).
export const HARM_CUES: string[] = [
  // Abuse or violence at home or from people close to the writer.
  'hit|hits|hitting|hurt|hurts|beat|beats|beating|batter|battered|slap*|punch*|kick|kicks|kicked|chok*|strangl*|shove*|shoved|pushed|throw*|threw .. me|my|him|her|us',
  'grabbed|grab* .. my|me|her|him @0.7', 'bruise*', 'scared of my|him|her', 'not feel safe at home', 'afraid to go home',
  'not tell him|her|anyone|my @0.7', 'abuse* me|us|her|him', 'domestic abuse|violence @0.5', 'drinks|drinking .. nasty|angry|hits @0.8',
  'my mum|dad|stepdad|husband|boyfriend .. drinks|drinking @0.7', 'look after my little|younger @0.7', 'sofa surf*', 'homeless @0.7',
  'kicked out of my|home @0.7', 'gets angry @0.5', 'wont leave me alone', 'not leave me alone', 'messages me|her @0.6',
  'goes through my phone', 'ex @0.3',
  // Grooming, exploitation, being made to carry or sell.
  'make|makes|made|making me|him|her .. keep|hold|sell|carry|run|do|take', 'owe|owes|owed|owing @0.8', 'drops', 'i sell|selling|sold',
  'selling|sell|sold|run|running|ran|deal|dealing for', 'can not get out', 'ask|asks|asked|asking me|him|her|my .. hold|carry|take|keep|parcel|bag @0.9',
  'gave him|her|me £*', '£* @0.4', 'easy money @0.7', 'loads of phones|cash', 'phones @0.5', 'cash @0.5',
  'missing overnight|night', 'went missing', 'new trainers|clothes @0.6', 'picking her|him|them up', 'approached @0.7',
  'groom* @0.7', 'exploit* @0.7', 'being used @0.8', 'keep stuff', 'hold a bag|stuff',
  'i deal|dealing', 'deals @0.6',
  // Carrying a weapon now.
  'carry|carrying|carries|started carrying|have|got .. knife|knive|knives|blade|weapon|gun @0.9', 'i carry|carries @0.8',
  'carry .. for protection @0.7', 'to school in his|her|my bag @0.6',
  // Self-harm and suicidal thoughts.
  'self harm*', 'cutting', 'cut myself', 'kill myself|herself|himself|themselves', 'suicid*', 'not see the point', 'end it',
  'not want to be here|alive', 'want to die', 'no point', 'overdose*',
  // Threats and recent attacks.
  'threaten*', 'gonna|going to|will|said .. stab|kill|batter|attack|hurt|get|shoot|burn .. me|him|her|us|my',
  'stab|stabbed|attacked|mugged|robbed|assaulted|spiked|followed|beaten|jumped|hurt .. me|i|my|him|her @0.8',
  'i got|was|been .. stabbed|attacked|mugged|robbed|assaulted|spiked|followed|beaten|hurt|hit',
  'was|got|been stabbed|assaulted|attacked|spiked|raped @0.7', 'rape*', 'nudes', 'kill herself|himself @0.9',
  'says he|she|they will|would hit', 'if i tell', 'last week|weekend|night|month @0.4', 'weeks ago @0.4', 'every day @0.3',
  'rivals @0.5', 'not allowed to say', 'disclosed', 'referred @0.5', 'worried he|she is being', 'i am scared @0.5',
  'scared to leave|come|go @0.5', 'dread going @0.5'
];

// Signs the harm is over or historical: "used to", "years ago", "doing well now".
export const PAST_CUES: string[] = [
  'used to', 'years ago', 'year ago', 'when i was', 'got rid', 'doing well|alright|fine|ok|better now', 'alright now', 'good place now',
  'back on track', 'out of it now', 'growing up', 'in year 3|4|5 @0.5', 'few years back'
];

/** Words that make a disclosure first-person or about an identifiable child. */
export const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself', 'mine', 'im']);
export const IDENTIFIABLE = new Set([
  'son', 'daughter', 'brother', 'sister', 'child', 'kid', 'grandson', 'granddaughter', 'nephew', 'niece', 'cousin',
  'mate', 'friend', 'pupil', 'boy', 'girl', 'housemate', 'neighbour', 'student', 'stepson', 'stepdaughter'
]);
