// Sexual abuse, exploitation and grooming, online and offline.
import { ADULT, type Cue, cues } from './cue.js';

const strong = cues('sexual_abuse', 'strong');
const moderate = cues('sexual_abuse', 'moderate');
const weak = cues('sexual_abuse', 'weak');

export const SEXUAL_ABUSE: Cue[] = [
  ...strong(
    'touch|touches|touched|touching|grope|gropes|groped|groping|feel|feels|felt me|my|her|him|up',
    'touch|touches|touched|touching .. {private|privates|down there|body|chest|bum}',
    'rape*',
    'sexual* abus*|assault*|touch*|harass*',
    'molest*',
    'forced|forces|force|pressured|pressures|pressuring|made|makes|make .. me|her|him .. sex|kiss|touch|send|watch|do|sit',
    '{have sex|sex with me|sexual}',
    'comes|came|come|creeps|crept into my room .. night',
    'gets|got|get .. into my bed',
    'sit|sat on his|her lap',
    'ask|asks|asked|asking|wants|wanted|keeps|begging .. pictures|pics|photos|nudes|videos|nude',
    'nudes',
    'nude',
    'leaked|shared|posted|spread .. my|her pictures|pics|photos|nudes|videos',
    'send|sent|sending .. pictures|pics|photos|videos|snaps .. of me|myself|him|her',
    'made me send',
    'blackmail*',
    'sextort*',
    'threaten|threatening|threatened|threatens to show|share|send|post|tell|leak',
    'explicit',
    'our secret',
    'made|makes|make me do things|stuff',
    `${ADULT} .. messag*|talk*|ask*|add*|dm*|snap* me|her|him`,
    `${ADULT} .. messages|messaging me`,
    'teacher|coach|tutor|stepdad|uncle|neighbour .. messages|messaging|texts|snapchat|dm .. me|her|him',
    'picking|picks|picked her|him|me up in|from',
    'watches|watching|watched|stares|staring .. {through my|me through}',
    'disclosed',
    'groom*',
    'love you',
    'wants to meet me|her',
    'go with him|them|her',
    'wants|wanted|asked|asking|asks .. me .. to go|come to his|her|their flat|house|car|room',
    'giving|gives|gave|buys|bought .. me .. vapes|vape|alcohol|drink|weed|gifts|presents|money',
    'forced|made|making|force .. marry|married',
    'forced marriage',
    'get in .. car|van',
    'sweets|money|gifts .. go with',
    '{walks|walked|walking|comes|came|coming} in ... bath|shower|changing|undressed|toilet',
    'video|videos|filmed|film|photo|photos|pictures ... changing|toilet|toilets|shower|bath',
    'dirty|sexual|rude|creepy .. messages|pictures|pics|photos|texts|videos'
  ),
  ...moderate(
    'online friend',
    'met online|on',
    'never met',
    'wants to meet',
    'meet up with',
    'secret',
    'trapped',
    'keeps|keep asking me',
    'not stop',
    'not leave me',
    'feel|feels|felt weird|funny|dirty|used',
    'late at night',
    'gave|give|gives .. his|her number',
    'watches|watching|stares|staring at me'
  ),
  ...weak('uncomfortable')
];
