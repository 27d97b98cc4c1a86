import type { ThemeInput } from './types.js';

// Themes about harm itself: weapons, exploitation, drugs, violence against
// women and girls, bullying and discrimination. Phrases are written from how
// young people and residents talk about these things, not copied from data.
export const HARM_THEMES: ThemeInput[] = [
  {
    id: 'knives_weapons',
    label: 'Knives & weapons',
    definition: 'Knives, blades and other weapons: carrying them, stabbings, and measures such as knife arches or amnesty bins.',
    include: ['knife carrying', 'stabbings', 'weapons in school', 'knife arches, amnesty bins'],
    exclude: [],
    examples: ['half the boys in my year carry a blade', 'there was another stabbing by the station'],
    seeds: [
      'knife|knive|knives', 'blade|blades', 'stab*', 'weapon*', 'machete*', 'knife crime', 'knife arch*',
      'knife amnesty', 'amnesty bin*', 'knife bin*', 'gun|guns', 'shot|shooting @0.5', 'firearm*',
      'acid attack*', 'knuckle duster*', 'crossbow*', 'metal detector*', 'carry|carries|carrying|carried @0.4',
      'carry .. for protection @0.6', 'armed @0.5'
    ],
    against: ['knife and fork', 'knife fork']
  },
  {
    id: 'county_lines',
    label: 'County lines & criminal exploitation',
    definition:
      'Drug dealing and running, trap houses, and children or young people groomed, paid, indebted or forced by older people or gangs to carry, hold or sell.',
    include: ['county lines, "going country"', 'drug running and dealing', 'trap houses, cuckooing', 'grooming into crime, debt bondage'],
    exclude: ['personal drug or alcohol use only (drugs_alcohol)'],
    examples: ['older lads pay year 9s to take bags up the motorway', 'the flat next door is a trap house'],
    seeds: [
      'county lines', 'trap house', 'trap phone*', 'trap|trapping @0.7', 'dealer*', 'drug dealing', 'dealing drugs',
      'deal|dealing @0.6', 'sell|selling|sold|sells .. drugs|weed|crack|stuff @0.9', 'sell|selling|sold for',
      'selling @0.5', 'drug running', 'running for', 'run|running|ran .. drugs|packages|parcels|bags|lines',
      'runner|runners', 'hold|holding|keep|keeping .. stuff|bag|bags|drugs|packages|parcel @0.8',
      'carry|carrying|take|taking .. drugs|packages|parcels|parcel|package @0.8', 'groom*', 'exploit*',
      'child criminal exploitation', 'cuckoo*', 'owe|owes|owed|owing @0.6', 'debt|debts @0.5', 'drops @0.6',
      'drug gang*', 'gang|gangs @0.3', 'easy money', 'quick money @0.7', 'make money|cash @0.4',
      'phones @0.4', 'burner*', 'recruit*', 'possession with intent', 'cannabis farm*', 'older lads|boys|guys|men|ones .. money @0.6'
    ],
    against: ['deal|dealing with @0.7', 'car|cars dealer|dealers|dealership']
  },
  {
    id: 'drugs_alcohol',
    label: 'Drug & alcohol use',
    definition: 'Drinking, being drunk or high, drug use in public, drug litter, and parents’ or carers’ substance use.',
    include: ['alcohol and drunkenness', 'weed, ketamine, nitrous, spice', 'people on drugs in public', 'parental substance misuse'],
    exclude: ['dealing or exploitation only (county_lines; code both if both)'],
    examples: ['people off their heads on the benches every afternoon', 'the older kids drink cans in the park'],
    seeds: [
      'drug|drugs @0.6', 'weed', 'ketamine', 'nitrous', 'canister*', 'cocaine', 'coke @0.5', 'crack', 'spice', 'heroin',
      'pills @0.6', 'mdma', 'smok* @0.4', 'drunk|drunks', 'drink|drinks|drinking|drank @0.8', 'alcohol*',
      'booze', 'cider', 'beer*', 'vodka', 'lager', 'cans @0.4', 'pub|pubs @0.4', 'high|stoned @0.5', 'addict*',
      'substance*', 'needles @0.7', 'vape|vapes|vaping @0.4', 'off licence @0.5', 'hungover|hangover'
    ]
  },
  {
    id: 'vawg',
    label: 'Violence against women & girls',
    definition:
      'Harassment, abuse and violence aimed at women and girls: catcalling, sexual harassment, spiking, following, unwanted touching, misogyny and abuse in relationships.',
    include: ['sexual harassment, catcalling', 'spiking', 'being followed', 'unwanted touching', 'misogyny', 'relationship or domestic abuse'],
    exclude: [],
    examples: ['men shout at us from vans when we walk to school', 'I got followed home from the bus stop'],
    seeds: [
      'harass* @0.6', 'harass* .. girl|girls|woman|women|her|she|female*', 'sexual*', 'catcall*', 'wolf whistl*', 'spik*', 'followed|following me|her|us @0.7',
      'grab*|grope*|touch* @0.5', 'exposing himself', 'indecent exposure', 'flash* @0.5', 'misogyn*', 'sexis*',
      'consent', 'nudes', 'rape*', 'assault* @0.3', 'domestic abuse|violence', 'boyfriend|ex|partner|husband @0.35',
      'controlling|coercive @0.6', 'stalk*', 'ask for angela', 'andrew tate', 'creep|creeps|creepy @0.5',
      'women|woman|girls|girl|ladies|female|females @0.4', 'being a girl|woman', 'keys between my fingers',
      'shout*|beep*|comment*|whistl* .. women|girls|girl|woman @0.7', 'men|man @0.15',
      'cat call*', 'whistl* @0.6', 'as a female|woman|girl', 'slut|sluts|slag|slags', 'stare|stares|staring|stared @0.4',
      'older man|men|guy|guys @0.5', 'blokes|bloke @0.4', 'send|sent|sending .. pictures|pics|photos|videos @0.5',
      'blackmail*|sextort* @0.5', 'waited|waiting outside school @0.5', 'drunk men @0.6', 'my daughter @0.2'
    ]
  },
  {
    id: 'bullying',
    label: 'Bullying',
    definition: 'Being bullied or bullying others, in person or online.',
    include: ['bullying in or out of school', 'cyberbullying', 'being picked on or pushed around'],
    exclude: ['one-off fights with no bullying'],
    examples: ['the year 10s pick on anyone small', 'she gets bullied on the bus every day'],
    seeds: [
      'bully|bullies|bullied|bullying', 'cyberbull*', 'pick|picks|picked|picking on', 'mean to',
      'push|pushed|pushes .. around|about @0.7', 'name calling', 'call|called|calling .. names @0.6',
      'ganging up', 'gang up', 'teas* @0.5', 'left out @0.4', 'take|takes|took .. my .. money @0.5', 'torment*',
      'make|makes|making|made fun', 'prank call*', 'fake account*|page|pages|profile*', 'horrible to me|messages|comments @0.6',
      'laugh|laughs|laughed|laughing at me @0.6', 'mock*', 'told me to kill myself', 'kill yourself @0.6', 'threats @0.4',
      'nasty comments|messages', 'upset me @0.4'
    ]
  },
  {
    id: 'discrimination',
    label: 'Racism & discrimination',
    definition: 'Being treated worse or targeted for who you are: racism, homophobia, transphobia, disability hate, religious hate, and disproportionate treatment.',
    include: ['racism, racist abuse or graffiti', 'homophobia, transphobia', 'disability hate', 'disproportionality, bias'],
    exclude: [],
    examples: ['people shout stuff at my mum because she wears a hijab', 'the lads call him slurs for being gay'],
    seeds: [
      'racis*', 'racial*', 'race @0.5', 'homophob*', 'transphob*', 'islamophob*', 'antisemit*', 'xenophob*',
      'gay|lesbian|bi|queer|lgbt*|trans @0.6', 'black|asian|muslim|muslims|jewish|polish|immigrant*|ethnic*|hijab @0.5',
      'mixed race|heritage', 'disabled|disability @0.5', 'hate crime*', 'slur|slurs', 'prejudice*', 'discriminat*',
      'disproportionat*', 'stereotyp*', 'bias @0.6', 'go home|back to your|their country @0.4', 'skin colour|color',
      'adultification', 'colour of .. skin', 'because of who', 'for who you|they|i are|am',
      'skin @0.6', 'headscarf|hijab|turban|niqab @0.7', 'refugee|refugees|asylum|migrant|migrants @0.6', 'religion|religious @0.5',
      'treated fairly|differently|equally|unfairly @0.6', 'treated like this @0.5', 'where i|you|they come from @0.5',
      'accent @0.5', 'foreign|foreigner* @0.5', 'born @0.3'
    ]
  }
];
