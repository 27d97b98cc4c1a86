// A consultation summary as every output reads it: the report resolved —
// figures worked out, withheld where too few people stand behind them,
// quotes redacted and cleared — into headings, paragraphs, tables, charts
// and quotes. The Word file, the PDF, the public web page and the easy-read
// version are all drawn from one ReportDocument, so no output can show what
// another withholds. Nothing here is computed: renderers only lay it out.

/**
 * A table with a header row; every cell is already text ("46% (41–51%)", or
 * for a withheld figure "[c]" and the rule that withheld it in a few words:
 * "[c] under 10 in group").
 */
export interface TableBlock {
  type: 'table';
  caption: string;
  head: string[];
  rows: string[][];
  /** Per column: right-aligned figures. */
  numeric?: boolean[];
  /**
   * The table's notes on its withheld figures: each rule that withheld any,
   * once, with the sentence saying what it means (which quotes the few words
   * its cells carry) and how many of the table's figures it withheld.
   */
  withheld?: TableWithheldNote[];
}

export interface TableWithheldNote {
  sentence: string;
  figures: number;
}

/** One wave's figure on a trend chart (percent 0–100). */
export interface TrendPoint {
  label: string;
  /** Null when the wave's figure is withheld: no point is drawn. */
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** Whether a line joins this point to the one before (only between waves asked alike). */
  joined: boolean;
  /** Whether the figure is weighted to the population (the chart's alternative text says so). */
  weighted?: boolean;
}

export interface TrendChart {
  kind: 'trend';
  points: TrendPoint[];
}

/** Horizontal bars, e.g. theme prevalence (percent 0–100). */
export interface BarChart {
  kind: 'bars';
  bars: { label: string; value: number; lower?: number; upper?: number; weighted?: boolean }[];
}

export type Chart = TrendChart | BarChart;

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'list'; items: string[] }
  | TableBlock
  /** A chart always comes with its alternative text and the table of its data. */
  | { type: 'chart'; title: string; alt: string; chart: Chart; table: TableBlock }
  /** A quote from a respondent, redacted and cleared for publication. */
  | { type: 'quote'; text: string; attribution: string }
  | { type: 'youSaidWeDid'; rows: YouSaidWeDid[] };

export interface YouSaidWeDid {
  youSaid: string;
  weDid: string;
  priority: string;
  /** The measure of success it is linked to, with its status in words, if any. */
  measure: string | null;
  status: 'planned' | 'in progress' | 'done';
}

export type SectionKind = 'summary' | 'methodology' | 'safety' | 'themes' | 'you-said-we-did';

export interface ReportSection {
  id: string;
  kind: SectionKind;
  heading: string;
  blocks: Block[];
}

/** The easy-read version for children and young people: short sentences. */
export interface EasyRead {
  title: string;
  intro: string[];
  /** The three biggest findings. */
  findings: string[];
  /** What will happen next. */
  next: string[];
}

export interface ReportDocument {
  title: string;
  /** The organisation responsible. */
  organisation: string;
  /** BCP 47 language of the text, e.g. "en-GB". */
  language: string;
  status: 'draft' | 'published';
  /** YYYY-MM-DD: when the figures were drawn (a published report's are frozen then). */
  asOf: string;
  /** Version of the report, from 1. */
  version: number;
  sections: ReportSection[];
  easyRead: EasyRead | null;
}
