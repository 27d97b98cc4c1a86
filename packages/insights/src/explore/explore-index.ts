// An in-memory, column-wise index of one questionnaire's respondents for the
// explorer: per respondent (a row) the version answered, the day submitted,
// the closed answers as small integer codes, and per free-text question a
// bitmask of the themes coded "yes". Counting then is plain loops over typed
// arrays, a few milliseconds per million respondents.
//
// Rows are only ever added (responses are never changed); a respondent's
// themes for a question are replaced whenever that answer is coded again.

import { type Bitset, clearBit, setBit } from './bitset';

export type DimensionKind = 'single' | 'multi';

/** One value per respondent: code 0 is "no answer", value i has code i + 1. */
export interface SingleColumn {
  kind: 'single';
  values: string[];
  codeOf: Map<string, number>;
  codes: Uint16Array;
}

/** Any number of values per respondent, as a bitmask of `words` 32-bit words per row. */
export interface MultiColumn {
  kind: 'multi';
  values: string[];
  bitOf: Map<string, number>;
  words: number;
  masks: Uint32Array;
}

export type DimensionColumn = SingleColumn | MultiColumn;

export interface QuestionColumn {
  /** Position in `questionIds`. */
  index: number;
  /** Respondents whose answer to this question has been coded. */
  coded: Bitset;
  /** Theme slots coded "yes", `themeWords` words per row. */
  masks: Uint32Array;
  /** Bumped on every coding of the answer, so superseded quote entries are skipped. */
  generation: Uint32Array;
}

/** Every "yes" code of one theme, for picking quotes: parallel arrays. */
export interface CodeEntries {
  rows: Int32Array;
  questions: Uint16Array;
  confidence: Float32Array;
  generation: Uint32Array;
  length: number;
}

export interface RespondentInput {
  /** The response id. */
  id: string;
  /** The version number answered. */
  version: number;
  /** Days since 1970-01-01 (UTC) on which the response was submitted. */
  day: number;
  /** Closed answers by dimension key: one value, or a list for a multi-valued dimension. */
  answers: Readonly<Record<string, string | readonly string[]>>;
}

export interface ThemeCode {
  themeId: string;
  confidence: number;
}

const MAX_SINGLE_VALUES = 0xffff;

/** The day number (days since 1970-01-01, UTC) of a moment. */
export const daysSinceEpoch = (date: Date): number => Math.floor(date.getTime() / 86_400_000);

function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}

/** Copy per-row words to a wider layout (old `from` words per row, new `to`). */
function widened(masks: Uint32Array, rows: number, from: number, to: number): Uint32Array {
  const next = new Uint32Array(rows * to);
  for (let r = 0; r < rows; r++) for (let w = 0; w < from; w++) next[r * to + w] = masks[r * from + w] as number;
  return next;
}

export class ExploreIndex {
  /** Respondents (rows) held. */
  size = 0;
  private capacity: number;
  readonly ids: string[] = [];
  private readonly rowById = new Map<string, number>();
  version: Uint16Array;
  day: Int32Array;
  readonly dimensions = new Map<string, DimensionColumn>();
  readonly questions = new Map<string, QuestionColumn>();
  readonly questionIds: string[] = [];
  /** Theme ids by slot; a slot is a bit in the question masks. */
  readonly themeIds: string[] = [];
  private readonly slotByTheme = new Map<string, number>();
  themeWords = 1;
  readonly entries: CodeEntries[] = [];
  /** Bumped whenever any answer's coding changes, so what is worked out from the codes can be kept until then. */
  codesVersion = 0;

  constructor(capacity = 1024) {
    // A whole number of 32-row words, so bitsets and columns line up.
    this.capacity = Math.ceil(Math.max(32, capacity) / 32) * 32;
    this.version = new Uint16Array(this.capacity);
    this.day = new Int32Array(this.capacity);
  }

  /** Say how a dimension holds its answers before rows use it (otherwise a list makes it multi-valued). */
  declareDimension(key: string, kind: DimensionKind): DimensionColumn {
    const existing = this.dimensions.get(key);
    if (existing) {
      if (existing.kind !== kind) throw new Error(`Dimension ${key} is already ${existing.kind}-valued`);
      return existing;
    }
    const column: DimensionColumn =
      kind === 'single' ? { kind, values: [], codeOf: new Map(), codes: new Uint16Array(this.capacity) } : { kind, values: [], bitOf: new Map(), words: 1, masks: new Uint32Array(this.capacity) };
    this.dimensions.set(key, column);
    return column;
  }

  rowOf(id: string): number | undefined {
    return this.rowById.get(id);
  }

  /** Add a respondent; one already held keeps its row (responses do not change). */
  add(input: RespondentInput): number {
    const existing = this.rowById.get(input.id);
    if (existing !== undefined) return existing;
    const row = this.addRespondent(input.id, input.version, input.day);
    for (const key in input.answers) {
      const answer = input.answers[key] as string | readonly string[];
      this.setAnswer(row, this.dimensions.get(key) ?? this.declareDimension(key, typeof answer === 'string' ? 'single' : 'multi'), answer);
    }
    return row;
  }

  /** Add a respondent with no answers yet (see setAnswer); the id must be new. */
  addRespondent(id: string, version: number, day: number): number {
    if (this.rowById.has(id)) throw new Error(`Respondent ${id} is already held`);
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    const row = this.size++;
    this.ids.push(id);
    this.rowById.set(id, row);
    this.version[row] = version;
    this.day[row] = day;
    return row;
  }

  /** Record a respondent's answer for a dimension: one value, or values added to a multi-valued one. */
  setAnswer(row: number, column: DimensionColumn, answer: string | readonly string[]): void {
    if (column.kind === 'single') {
      const value = typeof answer === 'string' ? answer : answer[0];
      if (value !== undefined) column.codes[row] = this.singleCode(column, value);
      return;
    }
    for (const value of typeof answer === 'string' ? [answer] : answer) {
      const bit = this.multiBit(column, value);
      const at = row * column.words + (bit >>> 5);
      column.masks[at] = (column.masks[at] as number) | (1 << (bit & 31));
    }
  }

  /** Replace the themes coded "yes" for a respondent's answer to a free-text question. */
  setCodes(row: number, questionId: string, codes: readonly ThemeCode[]): void {
    this.checkRow(row);
    const question = this.questionColumn(questionId);
    question.masks.fill(0, row * this.themeWords, (row + 1) * this.themeWords);
    question.generation[row] = ((question.generation[row] as number) + 1) >>> 0;
    setBit(question.coded, row);
    this.codesVersion++;
    for (const code of codes) this.addCode(row, questionId, code);
  }

  /** Record that the answer has been coded, keeping any themes it has. */
  markCoded(row: number, questionId: string): void {
    this.checkRow(row);
    setBit(this.questionColumn(questionId).coded, row);
    this.codesVersion++;
  }

  /** Add one "yes" theme to an answer's coding (loading a coding in parts). */
  addCode(row: number, questionId: string, code: ThemeCode): void {
    this.checkRow(row);
    const slot = this.slotOf(code.themeId);
    // After slotOf: a new slot may have widened the masks.
    const question = this.questionColumn(questionId);
    const at = row * this.themeWords + (slot >>> 5);
    question.masks[at] = (question.masks[at] as number) | (1 << (slot & 31));
    setBit(question.coded, row);
    this.codesVersion++;
    this.pushEntry(slot, row, question.index, code.confidence, question.generation[row] as number);
  }

  private checkRow(row: number): void {
    if (!(row >= 0 && row < this.size)) throw new RangeError(`No row ${row}`);
  }

  /** Forget that an answer was coded (e.g. it was removed from the coding). */
  clearCodes(row: number, questionId: string): void {
    const question = this.questions.get(questionId);
    if (!question || row >= this.size) return;
    question.masks.fill(0, row * this.themeWords, (row + 1) * this.themeWords);
    clearBit(question.coded, row);
    question.generation[row] = ((question.generation[row] as number) + 1) >>> 0;
    this.codesVersion++;
  }

  /** Slots of these theme ids that occur in the index (unknown ids have none). */
  slotsOf(themeIds: readonly string[]): number[] {
    return themeIds.map((id) => this.slotByTheme.get(id)).filter((s): s is number => s !== undefined);
  }

  private singleCode(column: SingleColumn, value: string): number {
    let code = column.codeOf.get(value);
    if (code === undefined) {
      if (column.values.length >= MAX_SINGLE_VALUES) throw new RangeError('Too many distinct values in one dimension');
      column.values.push(value);
      code = column.values.length;
      column.codeOf.set(value, code);
    }
    return code;
  }

  private multiBit(column: MultiColumn, value: string): number {
    let bit = column.bitOf.get(value);
    if (bit === undefined) {
      bit = column.values.length;
      column.values.push(value);
      column.bitOf.set(value, bit);
      if (bit >= column.words * 32) {
        column.masks = widened(column.masks, this.capacity, column.words, column.words + 1);
        column.words += 1;
      }
    }
    return bit;
  }

  private questionColumn(questionId: string): QuestionColumn {
    let question = this.questions.get(questionId);
    if (!question) {
      question = {
        index: this.questionIds.length,
        coded: new Uint32Array(this.capacity >>> 5),
        masks: new Uint32Array(this.capacity * this.themeWords),
        generation: new Uint32Array(this.capacity)
      };
      this.questions.set(questionId, question);
      this.questionIds.push(questionId);
    }
    return question;
  }

  private slotOf(themeId: string): number {
    let slot = this.slotByTheme.get(themeId);
    if (slot === undefined) {
      slot = this.themeIds.length;
      this.themeIds.push(themeId);
      this.slotByTheme.set(themeId, slot);
      this.entries.push({ rows: new Int32Array(64), questions: new Uint16Array(64), confidence: new Float32Array(64), generation: new Uint32Array(64), length: 0 });
      if (slot >= this.themeWords * 32) {
        for (const question of this.questions.values()) question.masks = widened(question.masks, this.capacity, this.themeWords, this.themeWords + 1);
        this.themeWords += 1;
      }
    }
    return slot;
  }

  private pushEntry(slot: number, row: number, question: number, confidence: number, generation: number): void {
    let list = this.entries[slot] as CodeEntries;
    if (list.length === list.rows.length) {
      // Superseded entries are dropped before growing, so re-coding does not pile them up.
      this.compact(slot);
      list = this.entries[slot] as CodeEntries;
      if (list.length * 2 > list.rows.length) {
        const size = list.rows.length * 2;
        list = { rows: grown(list.rows, size), questions: grown(list.questions, size), confidence: grown(list.confidence, size), generation: grown(list.generation, size), length: list.length };
        this.entries[slot] = list;
      }
    }
    const at = list.length++;
    list.rows[at] = row;
    list.questions[at] = question;
    list.confidence[at] = confidence;
    list.generation[at] = generation;
  }

  /** Whether a quote entry still describes the answer's current coding. */
  isCurrent(list: CodeEntries, at: number): boolean {
    const question = this.questions.get(this.questionIds[list.questions[at] as number] as string) as QuestionColumn;
    return question.generation[list.rows[at] as number] === list.generation[at];
  }

  private compact(slot: number): void {
    const list = this.entries[slot] as CodeEntries;
    let kept = 0;
    for (let at = 0; at < list.length; at++) {
      if (!this.isCurrent(list, at)) continue;
      list.rows[kept] = list.rows[at] as number;
      list.questions[kept] = list.questions[at] as number;
      list.confidence[kept] = list.confidence[at] as number;
      list.generation[kept] = list.generation[at] as number;
      kept++;
    }
    list.length = kept;
  }

  private grow(capacity: number): void {
    this.version = grown(this.version, capacity);
    this.day = grown(this.day, capacity);
    for (const column of this.dimensions.values()) {
      if (column.kind === 'single') column.codes = grown(column.codes, capacity);
      else column.masks = grown(column.masks, capacity * column.words);
    }
    for (const question of this.questions.values()) {
      question.coded = grown(question.coded, capacity >>> 5);
      question.masks = grown(question.masks, capacity * this.themeWords);
      question.generation = grown(question.generation, capacity);
    }
    this.capacity = capacity;
  }
}
