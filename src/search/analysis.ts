import type { NarrowingDetail } from './details.js';
/**
 * What a question is read into, once, before anything is searched: the places and policies it names,
 * what kind of answer it wants, and the concepts it asks about, each with the wordings that express
 * it in the corpus and the weight it carries.
 */

export type Intent = 'amount' | 'validity' | 'department' | 'eligibility' | 'procedure' | 'comparison' | 'catalogue' | 'measures' | 'table' | 'cap' | 'exemption' | 'disbursement' | 'clawback';

/**
 * How a wording relates to the question's word: the word itself, an equivalence from the lexicon, a
 * long form the question abbreviates (规上 → 规模以上), the short form's characters spread over a few
 * words of a clause (股改 in 股份制改造: a span), or a piece of a word the corpus lacks.
 */
export type VariantKind = 'word' | 'synonym' | 'abbreviation' | 'span' | 'piece';

export interface Variant {
  term: string;
  kind: VariantKind;
}

/**
 * known: the corpus uses the word or an equivalent of it. absent: a specific thing the corpus does not
 * name — a policy term of the dictionary it never uses (加计扣除), or a word whose every piece it has
 * but never together (高新技术企业): a clause must say it to answer. unknown: the corpus has nothing of
 * it (老板, 场子): neutral, it neither helps nor sinks an answer.
 */
export type ConceptStatus = 'known' | 'absent' | 'unknown';

export interface Concept {
  text: string;
  variants: Variant[];
  status: ConceptStatus;
  /** How much the concept says about which clause answers: corpus IDF × general-language informativeness. */
  weight: number;
  /** Used by many clauses (补贴, 企业), or not a content word: it says little about which clause answers. */
  generic: boolean;
  /** A content word of general Chinese: not an everyday word (方面, 公司), a number, or a qualifier (一年). */
  content: boolean;
  /**
   * It qualifies what is asked about: what kind of enterprise asks (规上 in 规上企业搞技改), or whose
   * list an honour is on (海南省 in 评上海南省智能工厂). It ranks and counts, but is never the key.
   */
  qualifies: boolean;
}

export interface QueryAnalysis {
  question: string;
  language: 'zh' | 'en';
  /** Regions of the corpus the question names, canonical names, in order of mention. */
  regions: string[];
  /** Places the question names that no policy on file belongs to (浦东 in a corpus without it). */
  regionsWithoutPolicies: string[];
  /** Policies the question names by document number, title, issuer, or most of its title's words. */
  policyIds: string[];
  intents: Set<Intent>;
  /** The question asks who interprets the policy (由哪个部门负责解释). */
  asksInterpretation: boolean;
  /** What the question is about, without the words that name a place, a policy or an intent. */
  concepts: Concept[];
  /** The concept a clause must hold to answer (DCMM in 嘉定DCMM认证奖励), or -1 when none stands out. */
  key: number;
  /** Neighbouring concepts written together (推进阶段): a clause with the same phrase ranks higher. */
  phrases: string[];
  /** Each sub-question (…支持哪些主体？…还能享受吗？), each to be answered; one part for a simple question. */
  parts: Part[];
  /** The unit a "how many" question counts in (多少家 → 家), or null. */
  countUnit: string | null;
  /** The question asks for a figure of money or a share (多少钱, 补多少, 比例, how much): a clause must state one. */
  asksFigure: boolean;
  /** The figure asked is one of support (补助比例, 能拿多少), not a target the policy sets (要占多大比例). */
  asksGrant: boolean;
  /** Content words neither the corpus nor its equivalences know (场子, 区块链). */
  unmatched: string[];
  /**
   * A word naming a thing the corpus never speaks of, asked with nothing but actions beside it
   * (获评 + 驰名商标): the question has no basis, whatever clauses share the action.
   */
  absentTopic: string | null;
  /** Words the asker narrows a thing with in telling their situation (数控 of 数控设备): see details.ts. */
  details: NarrowingDetail[];
  /** Whether the question was read with the turn before it: its topic, its place, or neither. */
  inherited: 'topic' | 'place' | null;
}

/** A sub-question: its concepts (indexes into `concepts`) and the one of them a clause must hold. */
export interface Part {
  concepts: number[];
  key: number;
  /**
   * For one of several items compared (专精特新“小巨人”企业和专精特新中小企业分别有多少家): the concepts
   * that tell it from the others, among which its key is chosen.
   */
  distinct?: number[];
  /** Its own sentence asks for a figure of money or a share (…有上限吗？一家企业最多能拿多少？). */
  asksFigure?: boolean;
}

/** Total weight of the question's concepts: what coverage is measured against. */
export function totalWeight(concepts: Concept[]): number {
  return concepts.reduce((sum, c) => sum + c.weight, 0);
}
