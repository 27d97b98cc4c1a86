// Sets of respondents as bitsets: bit i of word i >> 5 is respondent row i.
// Word-at-a-time operations keep filters over a million rows to a few
// milliseconds.

export type Bitset = Uint32Array;

export const emptyBitset = (rows: number): Bitset => new Uint32Array((rows + 31) >>> 5);

export function fullBitset(rows: number): Bitset {
  const bits = emptyBitset(rows);
  bits.fill(0xffffffff);
  const spare = rows & 31;
  if (spare !== 0) bits[bits.length - 1] = (1 << spare) - 1;
  return bits;
}

export function setBit(bits: Bitset, row: number): void {
  bits[row >>> 5] = (bits[row >>> 5] as number) | (1 << (row & 31));
}

export function clearBit(bits: Bitset, row: number): void {
  bits[row >>> 5] = (bits[row >>> 5] as number) & ~(1 << (row & 31));
}

export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

export function countBits(bits: Bitset): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) n += popcount32(bits[w] as number);
  return n;
}

/** a ∧ b as a new set (the shorter length wins). */
export function and(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(Math.min(a.length, b.length));
  for (let w = 0; w < out.length; w++) out[w] = (a[w] as number) & (b[w] as number);
  return out;
}

/** a ∨= b, in place. */
export function orInPlace(a: Bitset, b: Bitset): Bitset {
  const n = Math.min(a.length, b.length);
  for (let w = 0; w < n; w++) a[w] = (a[w] as number) | (b[w] as number);
  return a;
}
