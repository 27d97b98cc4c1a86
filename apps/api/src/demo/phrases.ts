// Short invented phrases that demo answers are made from, each with the
// themes of the default codebook it is about. None is a real respondent's
// words, and none discloses harm to the writer: the demo should not fill the
// safeguarding queue.

export interface Phrase {
  text: string;
  themes: readonly string[];
}

const p = (text: string, ...themes: string[]): Phrase => ({ text, themes });

/** About what makes a place or time feel unsafe. */
export const UNSAFE: readonly Phrase[] = [
  p('people carrying knives', 'knives_weapons'),
  p('there was a stabbing near the station last year', 'knives_weapons'),
  p('older boys showing off blades on the bus', 'knives_weapons', 'peer_pressure'),
  p('I get scared walking home when it is dark', 'fear'),
  p('I avoid the park after school', 'fear'),
  p('feeling nervous in the town centre at night', 'fear', 'environment'),
  p('fight videos going round on snapchat', 'social_media'),
  p('people posting threats in group chats', 'social_media'),
  p('rumours on tiktok about fights after school', 'social_media'),
  p('drug dealers hanging about in the park', 'county_lines'),
  p('younger kids being paid to carry packages for gangs', 'county_lines'),
  p('people drinking in the park at night', 'drugs_alcohol'),
  p('the smell of weed everywhere', 'drugs_alcohol'),
  p('nitrous canisters all over the field', 'drugs_alcohol'),
  p('groups of teenagers hanging around the shops', 'antisocial_behaviour'),
  p('gangs of kids on bikes intimidating people', 'antisocial_behaviour'),
  p('vandalism and graffiti on the bus shelters', 'antisocial_behaviour', 'environment'),
  p('the dark alley with no street lights', 'environment'),
  p('the underpass by the ring road', 'environment'),
  p('broken lights along the canal path', 'environment'),
  p('men shouting things at girls from cars', 'vawg'),
  p('girls getting harassed at the bus stop', 'vawg', 'environment'),
  p('getting picked on at school', 'bullying'),
  p('bullying on the way home', 'bullying'),
  p('racist comments at the bus stop', 'discrimination', 'environment'),
  p('homophobic abuse in the corridors', 'discrimination'),
  p('never seeing police around when something happens', 'policing'),
  p('the police take ages to come', 'policing'),
  p('stress and anxiety about going out', 'mental_health'),
  p('street fights and vandalism outside the chicken shop', 'antisocial_behaviour'),
  p('drug gangs on the estate', 'county_lines')
];

/** About why young people get involved in violence. */
export const CAUSES: readonly Phrase[] = [
  p('wanting to fit in with their friends', 'peer_pressure'),
  p('peer pressure from older kids', 'peer_pressure'),
  p('trying to look hard and get respect', 'peer_pressure'),
  p('the money you can make selling drugs', 'county_lines', 'drugs_alcohol'),
  p('older gangs recruit them', 'county_lines'),
  p('problems at home with their family', 'family'),
  p('parents not knowing where their kids are', 'family'),
  p('being kicked out of school', 'exclusion'),
  p('getting excluded and having nothing to do all day', 'exclusion', 'youth_provision'),
  p('nothing to do and nowhere to go', 'youth_provision'),
  p('the youth club closed down', 'youth_provision'),
  p('copying what they see on social media', 'social_media'),
  p('beef that starts online', 'social_media'),
  p('some think carrying a knife keeps them safe', 'knives_weapons'),
  p('anger and mental health problems that nobody helps with', 'mental_health'),
  p('drugs and alcohol', 'drugs_alcohol'),
  p('wanting respect and a reputation', 'peer_pressure'),
  p('boredom in the holidays', 'youth_provision')
];

/** About what would help people feel safer. */
export const HELP: readonly Phrase[] = [
  p('more youth clubs open in the evenings', 'youth_provision'),
  p('free sports and activities after school', 'youth_provision'),
  p('a youth centre to hang out in', 'youth_provision', 'antisocial_behaviour'),
  p('more police patrols at night', 'policing'),
  p('police walking around the park', 'policing', 'environment'),
  p('PCSOs who actually talk to young people', 'policing'),
  p('better street lighting on the way home', 'environment'),
  p('CCTV in the underpass', 'environment'),
  p('better lighting on the path by the river', 'environment'),
  p('more counsellors at school', 'mental_health'),
  p('someone to talk to about mental health', 'mental_health'),
  p('knife arches at the station', 'knives_weapons'),
  p('more knife amnesty bins', 'knives_weapons'),
  p('teachers taking bullying seriously', 'bullying'),
  p('apps taking fight videos down faster', 'social_media'),
  p('keeping kids in school instead of excluding them', 'exclusion'),
  p('support for parents and families', 'family'),
  p('stopping men harassing girls in town', 'vawg')
];

/** Answers about nothing in particular. */
export const PLAIN: readonly Phrase[] = [p('not much really'), p('nothing, it is mostly fine round here'), p('I am not sure'), p('it depends on the day'), p('most places are ok')];
