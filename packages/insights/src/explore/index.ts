// The explorer's engine: an in-memory index of one questionnaire's
// respondents, counting over it, and disclosure control for what it shows.
export { and as intersect, type Bitset, countBits } from './bitset';
export * from './disclose';
export * from './explore-index';
export * from './select';
export * from './tally';
export * from './top-answers';
export * from './measures';
export * from './by-definition';
export * from './neighbour-rule';
export * from './neighbours';
export * from './periods';
export * from './verdicts';
