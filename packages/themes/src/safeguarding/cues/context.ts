// When and how seriously something was said: in the past, over and done
// with, now, in jest, or in an everyday sense of a harm word.

// Signs the harm was long ago, whoever writes: "years ago", "growing up", "looking back".
export const LONG_AGO_CUES: string[] = ['years ago', 'decades|ages ago', 'years back', 'as a child|kid|teenager', 'growing up', 'looking|look|looked back', 'back then', 'back in the day'];

// Signs the harm was earlier in the writer's life: "when i was 13", "in primary".
// From a child that can be last year; from an adult it is their childhood.
export const EARLIER_CUES: string[] = ['used to', 'year ago', 'when i was', 'back in', 'in primary', 'at the time', 'i was around|about', 'at|aged 10|11|12|13|14|15|16|17|18|19'];

// Signs the harm is over and done with: "hes alright now", "im out of it now".
export const RESOLVED_CUES: string[] = [
  'alright|fine|ok|okay|better|safe|good|sorted|well|great now',
  'doing well|better|fine|ok|okay|alright',
  'out of it now',
  'all over now',
  'moved on',
  'stopped now'
];

// Signs of a joke: "lol", "jk".
export const JOKE_CUES: string[] = ['=lol', '=lmao', '=lmfao', '=haha', '=hahaha', '=jk', '=joking', '=kidding', '=xd'];

// Everyday uses of harm words. A cue that shares words with one of these, or
// runs straight into it, is not counted: "mum drinks coffee", "knife and fork",
// "my mates will kill me for saying this", "i'm dying to go".
export const INNOCENT_CUES: string[] = [
  'drink|drinks|drinking|drank .. coffee|tea|water|milk|juice|pop|coke|squash|energy',
  'knife and fork',
  'butter knife',
  'kill|killing|kills me for',
  '=killing me',
  'dying to|for',
  'hit|kick|kicked|kicks|hits .. ball|goal',
  'shot .. goal|hoops',
  'cut my|his|her hair|finger|fingers|nails',
  'hurt my|his|her knee|ankle|back|leg|wrist|head|foot|arm playing',
  'dog|dogs|cat|cats|horse|bee|bees|wasp|wasps|spider|snake .. bit|bite|bites|stung|scratched|attacked|chased',
  'would kill me if',
  'panic|heart attack|attacks',
  'slap on the wrist',
  'kick|kicks|kicked|kicking off',
  'it hit me',
  'hurt my feelings',
  'kicked|thrown|chucked out of {school|college|class|lessons|the lesson|the class|uni|the club|the team}',
  'kicked off the {team|bus|course}',
  'violent {video games|games|films|movies|game|film}',
  'hit me up',
  'hit me|him|her up',
  'playing|at|in|during rugby|football|netball|hockey|cricket|rounders|baseball|pe|training|boxing|sport|sports|match|game|practice'
];

// Signs the harm is now: they cancel historic ones ("when i was 12 it started and it still happens").
export const PRESENT_CUES: string[] = [
  'now',
  'still',
  'again',
  'every day|night|week',
  'everyday',
  'at the moment',
  'right now',
  'today',
  'tonight',
  'this week|month|morning|year|weekend',
  'last week|night|weekend|month',
  'yesterday',
  'recently',
  'keeps|keep',
  'currently',
  'atm',
  'sometimes|always|lately|constantly',
  'these days',
  'hours|days|weeks ago'
];
