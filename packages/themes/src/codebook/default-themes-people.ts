import type { ThemeInput } from './types.js';

// Themes about people's inner lives and relationships: fear, mental health,
// family, peer pressure and the online world they live in.
export const PEOPLE_THEMES: ThemeInput[] = [
  {
    id: 'fear',
    label: 'Fear & feeling unsafe',
    definition:
      'The answer itself shows fear, worry or avoidance: being scared of violence or crime, avoiding places or times, not going out, carrying "for protection", fearing retaliation.',
    include: ['scared, worried, anxious about violence', 'avoiding places or times', 'not going out', 'fear of retaliation'],
    exclude: ['saying one feels safe', 'mental health with no fear of harm (mental_health)', 'the question alone ("what makes you feel unsafe")'],
    examples: ['I won’t walk through there after dark', 'my daughter is too scared to get the bus on her own'],
    seeds: [
      'scared', 'scary', 'scare @0.6', 'frighten*', 'afraid', 'terrif*', 'fear|fears @0.8', 'fearful',
      'worried|worry|worries|worrying @0.7', 'anxious @0.5', 'nervous', 'panic* @0.5', 'on edge', 'dread*',
      'unsafe', 'not feel|feeling|felt|safe', 'not safe', 'avoid*', 'stay|stays|staying in|inside|home @0.5',
      'not go|going|walk|walking|let .. out|alone|own|there|anywhere|near|into|down|through @0.8',
      'can not go @0.7', 'long way|round', 'cross the road @0.7', 'keep my head down @0.6', 'no go area|zone|areas',
      'look|looking over my|your shoulder', 'for protection @0.6', 'protect myself|themselves|yourself @0.5',
      'paranoid', 'in case @0.6', 'turn|turned on me|you @0.6', 'get|getting hurt @0.4', 'intimidat* @0.5',
      'dangerous @0.4', 'stopped going @0.5',
      'nervy|jumpy|uneasy|uncomfortable @0.6'
    ],
    questionCues: ['avoid* @0.75', 'stay away @0.75', 'not go @0.6'],
    against: ['feel|feels|felt safe @0.8', 'i am safe @0.6', 'fine @0.3', 'not scared|afraid @0.8', 'lovely @0.3']
  },
  {
    id: 'mental_health',
    label: 'Mental health & trauma',
    definition: 'Anxiety, depression, stress, trauma, anger and emotional regulation, self-harm, and support such as counselling or CAMHS.',
    include: ['anxiety, depression, stress', 'trauma and adverse childhood experiences', 'anger, emotional regulation', 'self-harm, suicidal thoughts', 'counselling, CAMHS'],
    exclude: ['fear of violence alone (fear)'],
    examples: ['I have been really low and nobody at school has noticed', 'more counsellors in schools'],
    seeds: [
      'mental health', 'mental @0.6', 'depress*', 'anxiety', 'anxious @0.5', 'stress*', 'trauma*', 'ptsd', 'panic attack*',
      'self harm*', 'cutting myself|again', 'suicid*', 'kill myself', 'end it all', 'not see the point',
      'counsell*', 'counsel*', 'therap*', 'camhs', 'angry|anger @0.6', 'temper @0.6', 'calm down @0.5', 'emotion* @0.6',
      'wellbeing @0.7', 'someone to talk to @0.6', 'head .. mess', 'lonely|loneliness @0.6', 'cope|coping @0.5',
      'breakdown', 'semh', 'adverse childhood', 'low mood', 'struggling @0.4'
    ]
  },
  {
    id: 'family',
    label: 'Home & family',
    definition: 'Home life, parents and carers, supervision and role models at home, family conflict, domestic abuse, and being in care.',
    include: ['home life, parenting', 'lack of supervision or role models', 'domestic abuse at home', 'family conflict', 'care and care leavers'],
    exclude: ['a parent mentioned only as the person writing or being phoned'],
    examples: ['nobody at home knows where they are at midnight', 'my parents argue all the time'],
    seeds: [
      'parent|parents @0.6', 'parenting', 'upbringing', 'home life', 'at home @0.45', 'family|families @0.6',
      'mum|dad|stepdad|stepmum|father|mother|carer|carers @0.3', 'in care', 'leaving care', 'care leaver*', 'foster*',
      'social worker*|services @0.6', 'single mum|parent|parents @0.8', 'father figure*', 'no dads|fathers',
      'absent father|dad|fathers|dads', 'role model* @0.4', 'domestic abuse|violence',
      'mum|dad|stepdad|parents|boyfriend|husband .. hit|hits|hurt|drinks|drink|fight|argue|argues|angry|shout*|batter @0.8',
      'supervis* @0.6', 'look after them|their @0.6', 'where their kids|children @0.6', 'kicked out of my|home @0.7',
      'brother|sister|cousin|cousins @0.25',
      'my|our son|daughter|child|children|kids|boy|girl @0.45', 'my|our mum|dad|parents|stepdad|family @0.5', 'mum|dad @0.35',
      'at home|in the house|this house @0.45', 'home @0.3', 'grounded', 'argument|arguments|argued|arguing @0.4',
      'lived|live|living with my', 'stepdad|stepmum|step dad|step mum @0.6', 'uncle|auntie|aunt|nan|grandad|grandparents @0.4',
      'relationship @0.3', 'alcoholic @0.5'
    ],
    negatable: false
  },
  {
    id: 'peer_pressure',
    label: 'Peer pressure, status & glamour',
    definition: 'Pressure from peers, bravado, reputation and respect, showing off and fitting in, violence seen as cool or normal, and role models or music that glamorise it.',
    include: ['peer pressure, fitting in', 'respect, reputation, status', 'showing off, looking hard', 'glamour, drill or rap music'],
    exclude: [],
    examples: ['they do it to look hard in front of their mates', 'drill makes it look like a lifestyle'],
    seeds: [
      'peer pressure', 'peer|peers @0.5', 'pressure @0.3', 'fit|fitting in', 'respect @0.6', 'disrespect* @0.6',
      'reputation|rep', 'status @0.6', 'show|showing off', 'look|be|seem|think .. cool @0.6', 'cool @0.3',
      'look|be hard|tough @0.6', 'hard man', 'bad man|badman', 'glamor*|glamour*', 'drill @0.6', 'rap music', 'music @0.3',
      'belong* @0.6', 'impress*', 'clout', 'hype|hyping|hyped @0.6', 'look weak', 'back it up @0.5', 'prove .. themselves|yourself|himself',
      'everyone else does|is|has @0.6', 'normal @0.35', 'designer @0.4', 'be someone|somebody @0.6', 'influence|influenced @0.4',
      'lifestyle @0.4', 'role model* @0.3', 'snitch @0.4', 'look big @0.6', 'copy|copying @0.3',
      'rap|grime @0.5', 'trend|trends @0.5', 'notoriety|fame|famous @0.6', 'likes and views', 'likes|views @0.3', 'power @0.4',
      'expect it @0.5', 'everyday thing', 'get into it @0.5', 'whatever they are into', 'thought it was cool',
      'weak|soft|pussy|pussies @0.4', 'stood up @0.4', 'mates|friends @0.15', 'want to be seen @0.6', 'entertainment|content @0.4'
    ]
  },
  {
    id: 'social_media',
    label: 'Social media & online',
    definition:
      'Social media and online life: apps, videos, group chats, fights arranged or escalated online, rumours and scaremongering in online groups, cyberbullying, drill videos.',
    include: ['TikTok, Snapchat, Instagram, YouTube, Facebook groups', 'filming and posting fights', 'group chats', 'online rumours', 'cyberbullying'],
    exclude: ['a phone or the internet used only to contact someone'],
    examples: ['fights get planned on the group chat at lunch', 'the village facebook page makes everyone paranoid'],
    seeds: [
      'snapchat', 'instagram', 'tiktok', 'youtube', 'facebook', 'whatsapp', 'twitter', 'nextdoor', 'social media', 'online',
      'internet @0.5', 'group chat|chats', 'direct message|messages @0.6', 'their|his|her|my story|stories @0.7',
      'post|posts|posted|posting @0.5', 'film|filming|filmed|record|recording @0.35', 'video|videos @0.5', 'influencer*',
      'cyberbull*', 'troll*', 'viral', 'phone|phones @0.2', 'screen* @0.3', 'scaremonger*', 'rumour* @0.6', 'app|apps @0.5',
      'fake news', 'scroll*', 'followers', 'livestream*|live stream*', 'nudes @0.6', 'messag* @0.3', 'selfie*', 'comments @0.3'
    ]
  }
];
