// Everyday English words that spelling correction must never "fix" into a
// codebook word (e.g. "petrol" is not "patrol", "polite" is not "police").
// General vocabulary only; extend when a real word is seen being corrected.
const WORDS = `
about above after again against also always another around away back because
been before being better between both bring brought came come could didnt does
doing done down during each either else enough even ever every first from full
gave give given going good great have having here home however into just keep
kind know knew last later least less like little long look lots made make many
maybe mean might more most much must need never next night nothing often once
only other over own part people place point polite petrol metal medal pretty
quite rather really right said same says seem seen should since small some
something sometimes soon still such sure take taken than that their them then
there these they thing things think this those though thought three through
time today together told took town true under until upon used using very want
wants well went were what when where which while whole whose with within without
work world would write year years young your yours light lights might sight
night nights fight height weight tight eight bright fright flight slight
school schools called calling being doing going having making taking seeing
sense sorts stuff there their theirs where whats weird worse worst worth
money monkey honey party parts parent parents parking carry marry curry hurry
dealt deals healing heating meeting sitting setting getting letting putting
cutting shutting betting pitting hitting hits sitting hate hated waiting
scare scares scarf share shared stare stared store stored score scored
mental dental rental metal petals pedal
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
