// Threats, attacks, being followed, violent bullying, and weapons carried now.
import { ANYONE, type Cue, cues, ME, WEAPON } from './cue';

const strong = cues('threat_or_attack', 'strong');
const moderate = cues('threat_or_attack', 'moderate');
const weak = cues('threat_or_attack', 'weak');
// A threat to keep someone quiet: plain whatever the words around it ("he said he'd kill me if i told").
const silencing = cues('threat_or_attack', 'strong', true);
const weapon = cues('weapon', 'strong');
const weaponHint = cues('weapon', 'moderate');

const THREAT_VERBS = 'stab|kill|batter|beat|attack|jump|shank|hurt|shoot|slash|slice|rape|burn|smash|bang|cut|mark|merk|wet|finish';

export const THREAT_OR_ATTACK: Cue[] = [
  ...strong(
    `threaten* ${ANYONE}`,
    '=threatened',
    `going|gonna|will|would|want|wants|coming|trying .. ${THREAT_VERBS} ${ANYONE}`,
    `going|gonna|will ... stab|kill|batter|beat|attack|shank|shoot|slash|slice|rape ${ANYONE}`,
    `going|gonna .. get ${ME}|you`,
    `=followed|=following|=follows|=follow|stalk* ${ANYONE}`,
    'not follow|followed me|us|her|him further|home|anymore',
    '=mugged|=robbed|=stabbed|=slashed|=attacked|=assaulted|=spiked|=beaten|=knifed|=kidnapped|=raped|=glassed|=shot',
    'stab wound|wounds',
    'cornered me|him|her|us',
    'asked|asking|ask|tried|trying|told .. to get in',
    'at knifepoint|gunpoint',
    `pulled|held|put|pointed|waved|pulls .. ${WEAPON} .. me|my|him|her|us|throat|face|out`,
    `pulled a|out ${WEAPON}`,
    'beat|beaten|beating|beats .. up',
    'head into|against|down',
    'headlock',
    'pin|pins|pinned|pinning .. me|him|her|down',
    'stole|took|nicked|robbed|snatched .. my|his|her|their phone|phones|money|bike|bag|trainers|coat|watch',
    'phone|phones|bike|money|bag .. stole|stolen|nicked|taken',
    'told me to kill myself',
    'to kill herself|himself|yourself',
    'kill yourself',
    'go die',
    'hospital|stitches|a&e',
    'covered in blood|bruises|cuts',
    '{came|comes|coming} home .. {blood|bruises|bruised|injured|bleeding|cuts|black eye}',
    '{video|videos|vid} {of me|me} .. beaten|getting|fight|attacked',
    `came|come|coming|turned|showed|turn|show ... our|my house|door|flat|home .. with ${WEAPON}`
  ),
  ...moderate(
    '=punched|=slapped|=shoved|=grabbed|=strangled|=choked|=headbutted',
    '=hit|=kicked|=pushed|=hurt|=pushing|=pulling|=dragged .. me|him|her|us|my|his',
    '=followed|=following|=stalked',
    'scared .. worse',
    'threat|threats|=threatening|=threatens',
    'injur*',
    'wounds',
    'cuts and bruises',
    'watch my back',
    'looking over my shoulder',
    'rivals',
    'picture|photo|video|pic .. of a|his knife|gun|blade|weapon',
    'locked|locks|lock|hid|hide|hiding|hides himself|herself|myself|themselves|ourselves .. in|under|away',
    'with a|his|her|their knife|knives|blade|weapon|gun|machete|bat|hammer',
    'broke|broken|fractured my|his|her arm|nose|leg|jaw|rib|ribs|wrist|finger',
    'what they|he|she will|would|gonna|going do to me|us'
  ),
  ...weak('bullied|bully|bullying|bullies', 'picked|pick on', 'scared|afraid|frightened|terrified to go to|into school|class'),
  ...silencing(
    `${THREAT_VERBS}|get|do me|us|my .. if i {tell|told|snitch|snitched|grass|grassed|say anything|said anything|speak|spoke}`,
    `${THREAT_VERBS} me|us|my .. if {anyone|somebody|someone} finds|found out`
  )
];

export const WEAPON_NOW: Cue[] = [
  ...weapon(
    `carry|carries|carrying|carried|bring|brings|brought|keep|keeps|have|got|has|had .. ${WEAPON}`,
    `take|takes|took|taking a|his|her|my|their ${WEAPON}`,
    `${WEAPON} .. in my|his|her bag|pocket|room|coat|waistband|bedroom`,
    `${WEAPON} under my|his|her`,
    `my|his|her ${WEAPON}`,
    `showed|shows|show|showing .. ${WEAPON}`,
    'carry|carries|carrying it|one .. {protection|all times|with}',
    'for protection'
  ),
  ...weaponHint('carry|carries|carrying', 'in case something happens', 'protect|protection')
];
