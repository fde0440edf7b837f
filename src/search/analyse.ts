import { absentWords, type CharacterPairs } from './absent-words.js';
import { ASKER_NOUN, isAskerKind, namesLocalPlace, tradeOf } from './asker.js';
import { narrowingDetails } from './details.js';
import type { GeneralLanguage } from '../text/general-language.js';
import { isMostlyLatin } from '../text/script.js';
import { prepareForTokens, type Tokenizer } from '../text/tokenizer.js';
import type { Concept, QueryAnalysis } from './analysis.js';
import { ConceptReader, type ConceptLexicon } from './concepts.js';
import { contentOnly, translateEnglish, type EnglishTerms, type PhraseLookup } from './english.js';
import { inheritFromPrevious } from './follow-up.js';
import { ASPECT_WORDS, asksForFigure, asksForSupport, countUnitOf, DOCUMENT_WORDS, readIntents } from './intents.js';
import { keyConceptIndex } from './key-concept.js';
import { partsOf, sentencesOf } from './parts.js';
import { PolicyNames, type PolicyName } from './policy-names.js';
import type { RegionNames } from './regions.js';
import type { CorpusStatistics } from './statistics.js';
import { withoutSpentFigures } from './spending.js';

/**
 * Reads a question once, in order: language, the policies and places it names, what it asks for,
 * then what it is about. A question in a conversation is read against the turn before it only when it
 * leans on it (follow-up.ts).
 */

export interface AnalyserLexicon extends ConceptLexicon {
  /** English phrase (lower case) → Chinese terms. */
  glossary: ReadonlyMap<string, string[]>;
}

/**
 * A date with its month says when a question is asked, not what about (…2026年11月还有效吗); a year
 * alone may name a column or a target year (2025年拟改造…) and stays, as a weak concept.
 */
/** A year said of a document (2021年那个技改政策, 2024年的文件), not of an event (2023年认定的企业). */
const YEAR_OF_DOCUMENT = /((?:19|20)\d{2})\s*年?(?:的|那个|那份|出的|发的|印发的|版的?)?[^，。？?！!；;\s]{0,6}?(?:政策|文件|措施|办法|意见|细则|方案|通知)/g;
const YEARS = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)(?:底|初|内|以后|之后|以前|之前)?/g;
const DATES = /\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*[日号])?|\d{4}-\d{1,2}(-\d{1,2})?/g;
/** An HTML or XML tag. */
const MARKUP = /<\/?[a-z!][^<>]{0,300}>/gi;
const HAN_RUNS = /\p{Script=Han}[\p{Script=Han}\d]*/gu;
/**
 * What the asker says they are not (还没进规上, 不是专精特新, 尚未上规模): every mention of the word
 * right after a negation — not after a yes-no form (有没有贴息, 是不是专精特新), which asks about it.
 */
const NEGATED_BEFORE = /(?:(?<![有是])(?:没|没有|未|尚未|还没|还未)(?:到|达到|进|进入|上|评上|拿到|纳入)?|(?<![是还])不是|还不是|不算)$/;

/** Readings kept: enough for the questions of every open conversation to be read once. */
const RECENT_READINGS = 1000;

export class QueryAnalyser {
  /** Recent readings by question text: a follow-up's earlier question was read a moment ago. */
  private readonly recent = new Map<string, QueryAnalysis>();
  private readonly names: PolicyNames;
  private readonly reader: ConceptReader;

  constructor(
    tokenizer: Tokenizer,
    private readonly lexicon: AnalyserLexicon,
    policies: PolicyName[],
    private readonly corpus: CorpusStatistics,
    private readonly general: GeneralLanguage,
    private readonly regions: RegionNames,
    /** A general English–Chinese dictionary, for words the glossary does not list. */
    private readonly bilingual: PhraseLookup = () => undefined,
    /** Corpus terms written in pinyin (zhuanjingtexin). */
    private readonly pinyinTerms: PhraseLookup = () => undefined,
    /** Which character pairs the corpus's terms hold, for telling an absent topic from a colloquial word. */
    private readonly pairs: CharacterPairs | null = null,
  ) {
    this.names = new PolicyNames(tokenizer, policies);
    this.reader = new ConceptReader(tokenizer, lexicon, corpus, general);
  }

  analyse(question: string, previous: QueryAnalysis | null = null): QueryAnalysis {
    let analysis = this.recent.get(question);
    if (!analysis) {
      analysis = this.read(question);
      if (this.recent.size >= RECENT_READINGS) this.recent.delete(this.recent.keys().next().value ?? '');
      this.recent.set(question, analysis);
    }
    return previous ? inheritFromPrevious(analysis, previous, (word) => this.general.isNoun(word) || !this.general.knows(word)) : analysis;
  }

  private namesPlace(word: string): boolean {
    return this.regions.mentions(word).some((m) => m.alias === word);
  }

  /** Whether a policy's region is one of the places asked about, or inside or above one (any, when none is asked). */
  private inScopeOf(regions: string[]): (region: string) => boolean {
    if (regions.length === 0) return () => true;
    const scoped = this.regions.placesOf(regions);
    return (region) => scoped.has(region);
  }

  private read(asked: string): QueryAnalysis {
    // Markup pasted into a question (<img …>, <script>) is not what it asks.
    const question = asked.replace(MARKUP, ' ');
    const language = isMostlyLatin(question) ? 'en' : 'zh';
    // An English possessive (Taicang's) would hide the name once quotes are taken out.
    const prepared = prepareForTokens(language === 'en' ? question.replace(/['’]s\b/gi, '') : question);
    // Titles, numbers and issuers written out in full name policies (上海市松江区科学技术委员会 is an
    // issuer before it is two places); then places, in either language (Songjiang District, 浦东).
    let text = prepared;
    const policyIds: string[] = [];
    for (const { name, ids } of this.names.namedInFull(text)) {
      for (const id of ids) if (!policyIds.includes(id)) policyIds.push(id);
      text = text.split(name).join(' ');
    }
    const regions: string[] = [];
    const regionsWithoutPolicies: string[] = [];
    for (const mention of this.regions.mentions(text)) {
      const list = mention.inCorpus ? regions : regionsWithoutPolicies;
      if (!list.includes(mention.region)) list.push(mention.region);
      text = text.split(mention.alias.toLowerCase()).join(' ');
    }
    const untranslated = text;
    const lookups = [
      { find: (phrase: string) => this.lexicon.glossary.get(phrase), trusted: true },
      { find: contentOnly(this.bilingual), trusted: false },
      { find: this.pinyinTerms, trusted: true },
    ];
    const translated = language === 'en' ? translateEnglish(text, lookups) : null;
    if (translated) text = translated.map((t) => t.terms.join(' ')).join(' ');

    const cueText = `${prepared} ${text}`;
    const { intents, asksInterpretation } = readIntents(cueText);
    if (regions.length + regionsWithoutPolicies.length >= 2) intents.add('comparison');

    // Asked where a policy stands, a year may say which of a region's policies (诸暨2021年那个政策还能
    // 用吗) or be a date to check the validity against (2027年还能申报吗): not a word a clause must hold.
    const years = [...text.matchAll(YEAR_OF_DOCUMENT)].map((m) => m[1] ?? '');
    // Only asked where it stands is "that year's policy" taken as the one meant: asked what it offers,
    // the newer one may be meant as well, and the year only ranks.
    const byYear = policyIds.length === 0 && intents.has('validity') ? this.names.namedByYear(years, regions) : [];
    policyIds.push(...byYear);
    // What the asker spent (设备投了3000万) picks a tier; a clause that happens to print the figure is not the answer.
    const undated = withoutSpentFigures(text).replace(DATES, ' ');
    const dated = intents.has('validity') ? undated.replace(YEARS, ' ') : undated;
    const read = translated ? this.readMixed(translated, untranslated) : this.reader.read(dated);
    // A short form of a region on file (准旗 for 准格尔旗) names that region, not a topic.
    const placeNames = read.concepts.filter((c) => c.variants.some((v) => v.kind === 'abbreviation' && this.regions.regionsOnFile().includes(v.term)));
    for (const concept of placeNames) {
      const region = concept.variants.find((v) => v.kind === 'abbreviation' && this.regions.regionsOnFile().includes(v.term))?.term ?? '';
      if (!regions.includes(region)) regions.push(region);
    }
    // A word the asker says they are not (还没进规上) is not what the question is about.
    read.concepts = read.concepts.filter((c) => !placeNames.includes(c) && !onlyNegated(dated, c.text));
    // Words that only say which aspect is asked go, unless nothing else is left to say what about.
    const aspectWords = [...DOCUMENT_WORDS, ...[...intents].flatMap((intent) => [...(ASPECT_WORDS[intent] ?? [])])];
    // Nothing left but aspect words: a question about a policy as a whole (还有效吗), or — asking how
    // much with nothing else said (试点的资金有多少) — the aspect word is the topic after all.
    const aboutWhole = intents.has('validity') || intents.has('catalogue') || intents.has('measures') || asksInterpretation;
    const topical = read.concepts.filter((c) => !aspectWords.includes(c.text));
    // …but not when the topic is a word the corpus does not know (发明专利授权奖励多少): then the aspect
    // word would make every clause that grants anything an answer.
    const unknownTopic = read.unmatched.some((w) => [...w].length >= 2 && !aspectWords.includes(w));
    let concepts = topical.length > 0 || aboutWhole || unknownTopic ? topical : read.concepts;
    if (policyIds.length === 0) {
      const words = new Set(concepts.map((c) => c.text));
      const asksAspect = intents.has('validity') || intents.has('measures') || asksInterpretation;
      const named =
        this.names.namedByTitleRun(text, words, this.inScopeOf(regions)) ??
        (asksAspect && concepts.length > 0 ? this.names.namedByAllWords([...words], regions) : null);
      if (named) {
        policyIds.push(...named.ids);
        // The title's words say which policy; they stay the topic when nothing specific else says what about,
        // unless the policy as a whole is asked about.
        const rest = concepts.filter((c) => !named.words.has(c.text));
        if (rest.some((c) => !c.generic) || asksAspect || intents.has('catalogue')) concepts = rest;
      }
    }
    // Asked for a figure, where in its region the asker sits (在甘河园区) says no more than the region does;
    // asked anything else, the place may be what decides (团场工业园区里的企业能享受吗).
    const local = asksForFigure(cueText, countUnitOf(cueText)) && !intents.has('eligibility') ? concepts.filter((c) => namesLocalPlace(text, c.text)) : [];
    if (local.length > 0 && concepts.some((c) => !local.includes(c) && c.content && !c.generic)) concepts = concepts.filter((c) => !local.includes(c));
    // Asked where policies stand, words general Chinese uses only to frame (什么, 已经, 现在) are no topic
    // when nothing else is said; beside a topic (人才…每年什么时候之前) they still place a sub-question.
    if (aboutWhole && concepts.every((c) => !c.content)) concepts = [];
    // A word right before 企业/公司/厂 in the question says what the asker is (规上企业, 小微企业), and
    // the question is about what that enterprise does; when the word is all it asks about
    // (专精特新企业奖励多少), coverage still decides.
    // A place left among the concepts (评上海南省智能工厂) names whose honour or list, not the thing.
    const specific = concepts.filter((c) => !c.generic);
    const qualifier = (c: Concept): boolean => describesAsker(text, c.text) || isAskerKind(c.text) || this.namesPlace(c.text);
    // Something is still asked about: when every specific word qualifies, coverage decides.
    if (specific.length > 1 && specific.some((c) => !qualifier(c))) concepts = concepts.map((c) => (qualifier(c) ? { ...c, qualifies: true } : c));
    // The asker's trade (做普通化工的) says who asks: a trade the corpus never names is no reason to
    // refuse what is asked beside it (技改补几个点), so it is neutral, as a word the corpus lacks is.
    const trade = tradeOf(text);
    const inTrade = (c: Concept): boolean => trade !== null && c.status === 'absent' && trade.includes(c.text);
    if (concepts.some((c) => !inTrade(c) && c.status === 'known' && !c.generic)) {
      concepts = concepts.map((c) => (inTrade(c) ? { ...c, status: 'unknown', weight: 0, qualifies: true } : c));
    }
    const asksFigure = asksForFigure(cueText, countUnitOf(cueText)) && sentencesOf(prepared).length <= 1;
    return {
      question: asked,
      language,
      regions,
      regionsWithoutPolicies,
      policyIds,
      intents,
      asksInterpretation,
      concepts,
      key: keyConceptIndex(concepts),
      phrases: phrasesOf(concepts, text),
      // Items joined by 和 are answered one by one when compared, and when their conditions are asked
      // (注册和信用有哪些要求): a clause may state one condition and another clause the other.
      parts: partsOf(concepts, text, intents.has('comparison') || intents.has('eligibility')),
      countUnit: countUnitOf(cueText),
      // Only a question that asks one thing is held to a figure: in "怎么申报？公示几天？每年拿多少钱？"
      // a clause answering one sentence need not state an amount.
      asksFigure,
      asksGrant: asksFigure && asksForSupport(cueText),
      unmatched: read.unmatched,
      absentTopic: this.absentTopic(concepts, read.unmatched),
      details: narrowingDetails(concepts, text, (word) => this.general.isNoun(word)),
      inherited: null,
    };
  }

  /** The first absent word, when every content word the corpus knows is an action (获评, 入选). */
  private absentTopic(concepts: Concept[], unmatched: string[]): string | null {
    if (!this.pairs || !concepts.every((c) => !c.content || c.weight === 0 || this.general.isVerb(c.text))) return null;
    return absentWords(unmatched, this.corpus, this.pairs, (word) => this.general.isIdiom(word))[0] ?? null;
  }

  /** An English question's concepts, and those of any Chinese written in it (What does 松江 give for 上云?). */
  private readMixed(translated: EnglishTerms[], text: string): { concepts: Concept[]; unmatched: string[] } {
    const english = this.reader.readTranslated(translated);
    const chinese = (text.match(HAN_RUNS) ?? []).join(' ');
    if (chinese === '') return english;
    const read = this.reader.read(chinese);
    const concepts = [...english.concepts, ...read.concepts.filter((c) => !english.concepts.some((e) => e.text === c.text))];
    return { concepts, unmatched: read.unmatched };
  }
}

/** Neighbouring concepts written together in the question (推进阶段). */
function phrasesOf(concepts: Concept[], text: string): string[] {
  const phrases: string[] = [];
  for (let i = 0; i + 1 < concepts.length; i++) {
    const phrase = `${concepts[i]?.text}${concepts[i + 1]?.text}`;
    if (text.includes(phrase)) phrases.push(phrase);
  }
  return phrases;
}

function onlyNegated(text: string, word: string): boolean {
  let at = text.indexOf(word);
  if (at < 0) return false;
  for (; at >= 0; at = text.indexOf(word, at + 1)) if (!NEGATED_BEFORE.test(text.slice(Math.max(0, at - 5), at))) return false;
  return true;
}

function describesAsker(text: string, word: string): boolean {
  const at = text.indexOf(word);
  return at >= 0 && ASKER_NOUN.test(text.slice(at + word.length));
}
