// Abuse at home and from people close to the writer, neglect, and control.
import { type Cue, cues, HURT, KIN, ME } from './cue';

const strong = (...patterns: string[]) => cues('abuse_at_home', 'strong')(...patterns);
const moderate = (...patterns: string[]) => cues('abuse_at_home', 'moderate')(...patterns);
const weak = (...patterns: string[]) => cues('abuse_at_home', 'weak')(...patterns);
const neglect = (strength: 'strong' | 'moderate') => cues('neglect', strength);

export const ABUSE_AT_HOME: Cue[] = [
  ...strong(
    `${HURT} ${ME}`,
    `${HURT} .. me|us|myself`,
    `${HURT} my|our .. mum|mam|dad|brother|sister|son|daughter|friend|mate|family|little|baby|cousin|nan`,
    `${HURT} ${KIN}`,
    'get|gets|got|getting|been|being .. =beat|=beaten|=hit|=battered|=hurt|=slapped|=punched|=kicked|=strangled|=choked|=starved|=burnt|=whipped|=smacked|=abused',
    'grabbed|grabs|grabbing|strangled|strangles|choked|chokes me|my|her|him|us',
    'takes|took|take .. anger|it out on me',
    'black eye|eyes',
    'bruise*',
    'marks on me|my',
    'locks|locked|lock .. me|us in|out',
    'not feel safe at home',
    'not safe at home|with',
    'scared|afraid|frightened|terrified to go|be home|back',
    'not want to go {home|back home}',
    'scared|afraid|frightened|terrified of my|mum|dad|stepdad|stepmum|mums|dads|parents|brother|uncle|boyfriend|him|her',
    'abus* me|us|my|him|her',
    'been|being|is|was|am abus*',
    '=abusive',
    'domestic abuse|violence',
    'got|gets|getting physical',
    'throws|threw|throwing|thrown .. at me|us|my|him|her|mum',
    `${KIN} .. violent|aggressive|abusive|dangerous`,
    'shouldnt|should not have been born',
    'all my fault',
    'not leave me alone',
    'kicked|thrown|chucked|threw me|us out',
    'kicked|thrown out of my|home',
    'controls|controlling|checks my'
  ),
  ...moderate(
    'police {came|were called|turned up}',
    '{stuff|things|problems|issues|trouble|whats happening|what happens|what goes on|what is happening} at home',
    `${KIN} .. not {want me|love me|care about me}`,
    '{coming|comes|came|walks|walked|walking} into .. {bathroom|bedroom|my room|bath|shower}',
    'turns|turned|turning up at my',
    'messages|messaging|texts|texting|calls|calling me all',
    'gets|get|got|getting .. angry|nasty|violent',
    'angry|scary|horrible|nasty|mean|cruel all the time',
    'fight|fighting|argue|arguing|arguments .. {all the time|every night|every day}',
    'hurt her|him',
    'fear|fearing|feared for my|her|his|mum|mums',
    'grabbed|grabs|grab .. my|me|her|him',
    'hit|punched|kicked|slapped|beat|hurt him|her|them',
    'protect|defend himself|herself|myself|themselves',
    'smashes|smashed|smashing|breaks|broke .. things|stuff|doors|plates',
    'hide|hid|hiding .. in my|under|from',
    'walking on eggshells',
    'shouting|smashing|screaming|fighting|screams|yelling ... at|in my|our house|home|flat',
    'not let me see|leave|talk|have'
  ),
  ...moderate(
    'told|tells|said|says|made .. not to tell',
    'if i tell ... will|gonna|going',
    'put|send|sent me .. in|into care',
    'lock|locks|locked the|my door',
    'forgets|forgot|forget to pick me|us up|feed',
    `${KIN} .. screams|screamed|swears|swore .. at me`,
    'kept|keeps|keep .. off|out of school',
    'look after my mum|dad|mam|parent|parents'
  ),
  ...weak(
    'not tell him|her|anyone|mum|dad',
    'if i tell',
    'too scared to tell',
    'scared to tell',
    'not allowed to say|tell',
    'calls|called me names',
    `${KIN} .. shouts|shouted|yells|yelled .. at me`,
    'shouts|shouted|screams|screamed|yells|yelled|swears .. at me',
    'blocked',
    'my parents|mum|dad .. fight|fighting|argue|arguing',
    'hate being at home',
    'hate my dad|mum|stepdad|stepmum'
  )
];

export const NEGLECT: Cue[] = [
  ...neglect('strong')(
    'not|never feed|fed me|us',
    'not get fed',
    'no food',
    'not .. food in|at .. house|home',
    'nothing to eat',
    'not eaten|eat .. days',
    'look after my little|younger|baby',
    'on my own .. all night|days|weekend',
    '{left alone|left on our own|left on my own} .. all|for|days',
    'live|living {alone|on my own}',
    'sofa surf*',
    'scared|afraid|frightened to be {in my|at home|home}',
    'out till|until .. midnight|night|morning|2am|3am',
    'nowhere to sleep|live|stay',
    'sleeping rough|outside',
    'never sober',
    'not let me eat',
    'not allowed .. food|eat|dinner',
    'locks|locked|lock .. fridge|food|cupboard|cupboards|kitchen',
    'always|so|really hungry',
    '{no dinner|no tea|no breakfast|no lunch|nothing for dinner|nothing for tea}',
    '{nobody|noone|no one} .. feeds|fed|feed|cooks|cook me|us|for'
  ),
  ...neglect('moderate')(
    `${KIN} .. drunk|alcoholic|drugs|high|wasted|addict|sober`,
    'not get up|wake up',
    'off her|his|their face|head|tits',
    'her|his drinking',
    'drinks|drinking .. {a lot|every night|every day|too much|all day}',
    'my mum|dad|brother|housemate|stepdad|mums .. deals|dealing|sells|selling',
    'homeless',
    'evicted',
    'hostel',
    'temporary accommodation',
    'left in my room',
    'nobody to talk to',
    'forgot .. christmas|birthday',
    'sleeping all day',
    'never home',
    'no one looks after',
    'dirty clothes',
    'no heating|electric|electricity',
    'only {eat|get food|get fed|have food|have a meal|get a meal|eat properly} at school',
    'only meal|food .. get|have'
  ),
  ...cues('neglect', 'weak')(`${KIN} .. drinks|drinking|drink`)
];
