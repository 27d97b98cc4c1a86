import type { ThemeInput } from './types.js';

// Themes about places, services and institutions: school exclusion, youth
// provision, policing, anti-social behaviour and the built environment.
export const PLACE_THEMES: ThemeInput[] = [
  {
    id: 'exclusion',
    label: 'School exclusion',
    definition: 'Being out of school: suspensions, exclusions, expulsions, truancy, alternative provision, PRUs, managed moves and reduced timetables.',
    include: ['suspension, exclusion, expulsion', 'truancy, persistent absence', 'alternative provision, PRU', 'managed moves, off-rolling, reduced timetables'],
    exclude: ['disliking school or teachers without being out of school', 'being left out of a team or group'],
    examples: ['he got excluded in year 8 and never really went back', 'kids bunking off and wandering round town'],
    seeds: [
      'exclu*', 'expel*', 'suspen*', 'kicked|kick|kicking|thrown .. out of|off .. school|college|class|lessons|course|academy',
      'sent|send|sending home @0.7', 'sent home from school', 'pupil referral unit*', 'alternative provision', 'truant*',
      'skip|skipping|missing|miss|missed .. school|lessons @0.8', 'attendance @0.7', 'absence|absent @0.6', 'offroll*',
      'managed move*', 'isolation @0.5', 'part time|reduced timetable*', 'out of school', 'not in school',
      'not go|going|attending|attend .. school|college @0.7', 'stopped going|coming to school|in', 'should be in school',
      'home educat*|schooled @0.5', 'zero tolerance @0.5', 'the unit @0.5', 'mainstream @0.6', 'specialist place|provision @0.5',
      'school refus*', 'dropped out @0.5', 'out of education', 'not come|coming in @0.5',
      'refuse|refused|refusing to go .. school', 'go|going back to school @0.6', 'been off .. month|weeks|school', 'off school',
      'lessons a day', 'miss|missed|missing school|lessons @0.7', 'can not go to school', 'not want to go .. school @0.5'
    ],
    against: ['exclu* from .. team|club|group|game|party|friends|squad']
  },
  {
    id: 'youth_provision',
    label: 'Things to do & youth services',
    definition: 'Having (or lacking) things to do and places to go: youth clubs and workers, sport, activities, mentoring, boredom.',
    include: ['nothing to do, boredom', 'youth clubs, youth workers, detached youth work', 'sport and activities', 'mentoring'],
    exclude: [],
    examples: ['bring back the youth club', 'there is literally nothing for teenagers here'],
    seeds: [
      'youth club*', 'youth centre*|center*', 'youth work*', 'youth service*', 'youth provision', 'nothing to do',
      'nowhere to go', 'nowhere .. go', 'bored|boredom|boring @0.8', 'activit*', 'things|something|anything to do', 'sport*|football|boxing @0.5',
      'mentor*', 'after school club*', 'holiday club*|activit*', 'club|clubs @0.4', 'detached', 'outreach @0.6',
      'keep .. busy|off the street|streets @0.7', 'somewhere to go', 'places to go', 'leisure centre', 'cinema|swimming pool @0.4',
      'for young people|teenagers|kids @0.35', 'opportunit* @0.4', 'jobs @0.3'
    ],
    negatable: false
  },
  {
    id: 'policing',
    label: 'Police & enforcement',
    definition: 'The police and enforcement: presence and patrols, PCSOs, response when called, trust or distrust, stop and search, punishment and deterrence.',
    include: ['police presence and patrols', 'calling police, 999, 101', 'trust in police', 'stop and search', 'sentences, punishment, deterrence'],
    exclude: [],
    examples: ['we never see a PCSO round here any more', 'harsher sentences for carrying'],
    seeds: [
      'police|policing', 'officer|officers @0.6', 'police officer|officers', 'pcso|pcsos', 'stop and search', 'stop search', 'stopped and searched',
      'patrol*', '999', '101', 'arrest*', 'prosecut*', 'sentenc*', 'punish*', 'consequences @0.6', 'deter*', 'court|courts @0.5',
      'prison|jail @0.5', 'community service', 'slap on the wrist', 'on the beat', 'bobbies|bobby', 'law|laws @0.35',
      'report .. to @0.3', 'justice @0.4', 'caught @0.3', 'locked up', 'station @0.15'
    ],
    negatable: false
  },
  {
    id: 'antisocial_behaviour',
    label: 'Anti-social behaviour',
    definition: 'Groups hanging around and intimidating people, vandalism and graffiti, noise, street fighting, bikes and scooters ridden at people, litter and drug paraphernalia.',
    include: ['groups hanging around, intimidation', 'vandalism, graffiti', 'noise, street fights', 'bikes and e-scooters ridden at people', 'litter, needles, canisters'],
    exclude: [],
    examples: ['gangs of lads outside the shop every night giving people grief', 'someone smashed the bus shelter again'],
    seeds: [
      'antisocial', 'hang|hangs|hanging|hung around|about|round|out @0.7', 'groups|group|gangs|gang|crowd of @0.5',
      'intimidat* @0.6', 'vandal*', 'graffiti', 'noise|noisy @0.6', 'litter* @0.6', 'rubbish @0.5', 'fly tipping',
      'needles @0.6', 'broken glass|bottles', 'canisters @0.5', 'fight|fights|fighting @0.4', 'kick|kicking|kicks off @0.6',
      'shout|shouting|shouts @0.35', 'abuse @0.3', 'throw|throwing|threw .. at @0.6', 'escooter*|ebike*|scooter*|motorbike*|moped*|off-road bikes @0.6',
      'bikes|bike @0.4', 'wheelie*', 'doughnuts|revving|racing|boy racers @0.7', 'causing|cause trouble', 'youths|teenagers @0.35',
      'balaclava*', 'start|starting|starts on @0.6', 'loiter*', 'yobs|thugs|louts @0.6', 'rowdy', 'firework*', 'smash* @0.5',
      'joyrid*', 'street corner*', 'on the street|streets @0.3', 'rivals @0.3', 'beef @0.4', 'trouble @0.3',
      'terroris*', 'disgusting behaviour|behavior', 'behaviour|behavior @0.4', 'knock|knocked into me', 'start a fight|fights @0.5',
      'lippy|gobby|mouthy @0.6', 'outside the house|my house @0.4', 'swearing at|swore at @0.5', 'fuss @0.4'
    ],
    negatable: false
  },
  {
    id: 'environment',
    label: 'Places & environment',
    definition: 'The places themselves: street lighting, CCTV, underpasses, alleys, parks, bus and train stations, town centres at night, and named places felt to be unsafe.',
    include: ['lighting and CCTV', 'underpasses, alleys, paths', 'parks, stations, town centre at night', 'specific named places'],
    exclude: [],
    examples: ['the alley behind the chippy has no lights', 'the bus station after 8pm'],
    seeds: [
      'street light*', 'lighting', 'lights|light|lit|unlit @0.6', 'dark @0.5', 'cctv', 'camera|cameras', 'park|parks @0.6',
      'underpass*', 'alley*', 'bus station|stop|shelter|stops', 'train station', 'station @0.5', 'town centre|center',
      'city centre|center', 'high street', 'car park*', 'subway*', 'cut through', 'path|paths|footpath|lane|lanes @0.5',
      'woods|field|fields|rec @0.5', 'estate @0.35', 'seafront|promenade @0.6', 'shops|precinct @0.35', 'toilets @0.4',
      'overgrown', 'empty shops', 'boarded up', 'derelict|abandoned @0.7', 'run down', 'skate park @0.6', 'area|areas @0.3',
      'at night|after dark @0.4', 'town @0.3', 'road|street @0.2', 'flats @0.3', 'canal|river @0.4',
      'rough @0.6', 'estates|council estate @0.6', 'shithole|dump|dive @0.6', 'shopping centre|center', 'round here|around here @0.4',
      'posh @0.5', 'nice area|bad area|rough area|dodgy area', 'dodgy @0.5', 'neighbourhood|neighborhood @0.5'
    ],
    questionCues: ['where|anywhere|places|place @0.4'],
    negatable: false
  }
];
