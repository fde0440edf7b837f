import type { RegionDirectory } from '../regions/index.js';
import { isMostlyLatin } from '../text/script.js';
import { prepareForTokens, type Tokenizer } from '../text/tokenizer.js';
import type { Lexicon } from './lexicon.js';

/**
 * Reads a question: which regions and policies it names, what kind of answer it wants, and the
 * concepts it asks about, each with the policy wordings that express it.
 */

export type Intent = 'amount' | 'validity' | 'department' | 'eligibility' | 'procedure' | 'comparison';

export interface Variant {
  term: string;
  /** 1 for the question's own word, less for a synonym or a word inside it. */
  weight: number;
}

export interface Concept {
  text: string;
  variants: Variant[];
}

export interface QueryAnalysis {
  question: string;
  language: 'zh' | 'en';
  regions: string[];
  /** Policies the question names by document number, title, or most of its title's words. */
  policyIds: string[];
  intents: Set<Intent>;
  /** The question asks about the interpretation clause (由哪个部门负责解释). */
  asksInterpretation: boolean;
  /** What the question is about, without the words that name a region, a policy or an intent. */
  concepts: Concept[];
  /** Neighbouring concepts written together (推进阶段): a clause with the same phrase ranks higher. */
  phrases: string[];
  /** The concepts of each sub-question (…支持哪些主体？…还能享受吗？), each to be answered. */
  parts: Concept[][];
  /** The unit a "how many" question counts in (多少家 → 家), or null. */
  countUnit: string | null;
}

export interface PolicyName {
  id: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  region: string;
}

const SYNONYM_WEIGHT = 0.8;
const SUBTERM_WEIGHT = 0.5;

const INTENT_CUES: [Intent, RegExp][] = [
  [
    'amount',
    /多少|几万|金额|额度|上限|最高|封顶|比例|补多少|给多少|(什么|哪些|啥)(支持|补贴|奖励|扶持|资助|补助|政策)|怎么(补|奖|支持|扶持)|有(补贴|奖励|资助|补助)|能补|how much|what share|percentage|\bcap\b|maximum|amount|what (subsidy|reward|support|grant)/,
  ],
  ['validity', /有效|失效|过期|到期|施行|起实施|哪天|何时|什么时候|还能申请|还可以申请|现在还能|in force|valid|expire/],
  ['department', /部门|单位负责|谁负责|负责解释|哪个部门|谁管|department|responsible|interpret/],
  ['eligibility', /条件|门槛|资格|要求|主体|支持对象|符合|还能申请吗|还能享受吗|eligib|qualif/],
  ['procedure', /先.{1,4}后|流程|程序|怎么申请|如何申请|申报方式|先申报|先补助|procedure|apply/],
  ['comparison', /分别|各有|比较|对比|区别|哪个.{0,4}(多|高)|compare|respectively/],
];

/**
 * A region is named by its full name or by its name without its suffix (松江区, 松江); with a region
 * directory, by every name it knows (浦东新区 → 浦东, 扬州经济技术开发区 → 扬州经开区).
 */
export function regionAliases(region: string, directory?: RegionDirectory): string[] {
  const known = directory?.aliases(region) ?? [];
  if (known.length > 0) return known;
  const short = region.replace(/(自治区|自治州|特别行政区|省|市|区|县|旗)$/, '');
  return short.length >= 2 && short !== region ? [region, short] : [region];
}

/** Words that say which aspect is asked (validity, department), answered by a clause of their own. */
const INTENT_WORDS: Partial<Record<Intent, Set<string>>> = {
  validity: new Set(['有效', '有效期', '施行', '实施', '失效', '过期', '到期', '期间', '期限', '还有效', '生效', '现在', '开始']),
  amount: new Set(['最多', '最高', '上限', '封顶', '金额', '额度', '多少钱']),
  department: new Set(['部门', '负责', '解释', '负责解释', '责任部门', '单位', '哪个部门']),
};

/** Dates in a question say when it is asked, not what about. */
const DATES = /\d{4}\s*年(\s*\d{1,2}\s*月(\s*\d{1,2}\s*[日号])?)?|\d{4}-\d{1,2}(-\d{1,2})?/g;

const YEAR = /^(19|20)\d{2}$/;
/** A question word found in more titles than this is too common to name a policy by. */
const MAX_TITLES_PER_NAMING_WORD = 200;
/** Policies a question about validity or interpretation may name by a few title words (试点方案). */
const MAX_POLICIES_NAMED_BY_FEW_WORDS = 2;
const MEANINGFUL_NUMBER = /^\d{2,}$/;

export class QueryAnalyser {
  private readonly aliases: { alias: string; region: string }[];

  /** Title term → the policies whose title has it, to find a named policy without a scan. */
  private readonly titleIndex = new Map<string, string[]>();
  private readonly titleTerms = new Map<string, Set<string>>();
  /** Prepared titles and document numbers → policy ids, looked up by substring. */
  private readonly names = new Map<string, string[]>();
  private readonly nameLengths: number[];
  private readonly nameStarts = new Set<string>();
  private readonly regionOfPolicy = new Map<string, string>();
  /** Synonym keys, longest first, so that 咨询公司 is read before 咨询. */
  private readonly phraseSynonyms: [string, string[]][];

  /** `isKnownTerm` tells whether the corpus uses a term, so that glued filler (能补) can be peeled. */
  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly lexicon: Lexicon,
    policies: PolicyName[],
    private readonly isKnownTerm: (term: string) => boolean = () => true,
    private readonly directory?: RegionDirectory,
  ) {
    const regions = [...new Set(policies.map((p) => p.region).filter(Boolean))];
    this.aliases = regions
      .flatMap((region) => regionAliases(region, directory).map((alias) => ({ alias, region })))
      .sort((a, b) => b.alias.length - a.alias.length);
    const lengths = new Set<number>();
    for (const policy of policies) {
      const terms = new Set(tokenizer.terms(policy.title));
      this.titleTerms.set(policy.id, terms);
      this.regionOfPolicy.set(policy.id, policy.region);
      for (const term of terms) {
        const list = this.titleIndex.get(term);
        if (list) list.push(policy.id);
        else this.titleIndex.set(term, [policy.id]);
      }
      for (const name of [policy.docNumber, policy.title, ...(policy.issuer?.split('、') ?? [])]) {
        const prepared = name ? prepareForTokens(name) : '';
        if (prepared.length < 6) continue;
        const ids = this.names.get(prepared);
        if (ids) ids.push(policy.id);
        else this.names.set(prepared, [policy.id]);
        this.nameStarts.add(prepared.slice(0, 2));
        lengths.add(prepared.length);
      }
    }
    this.nameLengths = [...lengths].sort((a, b) => b - a);
    this.phraseSynonyms = [...lexicon.synonyms].sort((a, b) => b[0].length - a[0].length);
  }

  /** Titles and document numbers written out in full in the question, longest first. */
  private namedInFull(text: string): { name: string; ids: string[] }[] {
    const found: { name: string; ids: string[] }[] = [];
    const window = text.slice(0, 200);
    // Only where a name could start (its first two characters) are substrings looked up.
    const starts: number[] = [];
    for (let start = 0; start + 2 <= window.length; start++) if (this.nameStarts.has(window.slice(start, start + 2))) starts.push(start);
    for (const length of this.nameLengths) {
      if (length > window.length) continue;
      for (const start of starts) {
        if (start + length > window.length) break;
        const candidate = window.slice(start, start + length);
        const ids = this.names.get(candidate);
        if (ids && !found.some((f) => f.name.includes(candidate))) found.push({ name: candidate, ids });
      }
    }
    return found;
  }

  analyse(question: string): QueryAnalysis {
    const language = isMostlyLatin(question) ? 'en' : 'zh';
    let text = prepareForTokens(question);
    if (language === 'en') text = this.translate(text);

    const policyIds: string[] = [];
    for (const { name, ids } of this.namedInFull(text)) {
      for (const id of ids) if (!policyIds.includes(id)) policyIds.push(id);
      text = text.split(name).join(' ');
    }

    const regions: string[] = [];
    for (const { alias, region } of this.aliases) {
      if (!text.includes(alias)) continue;
      if (!regions.includes(region)) regions.push(region);
      text = text.split(alias).join(' ');
    }
    for (const mention of this.placesNamed(question)) {
      if (!regions.includes(mention.name)) regions.push(mention.name);
      text = text.split(mention.alias).join(' ');
    }

    const intents = new Set<Intent>();
    const cueText = `${prepareForTokens(question)} ${text}`;
    for (const [intent, cue] of INTENT_CUES) if (cue.test(cueText)) intents.add(intent);
    if (regions.length >= 2) intents.add('comparison');
    const asksInterpretation = /解释|interpret/.test(cueText);

    let concepts = this.concepts(text.replace(DATES, ' '));
    for (const intent of intents) {
      const words = INTENT_WORDS[intent];
      if (words) concepts = concepts.filter((c) => !words.has(c.text));
    }
    if (policyIds.length === 0) {
      const named = this.namedByTitle(text, concepts) ?? this.namedForItsAspects(concepts, intents, asksInterpretation, regions);
      if (named) {
        policyIds.push(...named.ids);
        concepts = concepts.filter((c) => !named.concepts.has(c.text));
      }
    }
    const phrases: string[] = [];
    for (let i = 0; i + 1 < concepts.length; i++) {
      const phrase = `${concepts[i]?.text}${concepts[i + 1]?.text}`;
      if (text.includes(phrase)) phrases.push(phrase);
    }
    const parts = text
      .split(/[？?；;。!！\n]+/)
      .map((part) => concepts.filter((c) => part.includes(c.text) || c.variants.some((v) => part.includes(v.term))))
      .filter((part) => part.length > 0);
    const countUnit = /(?:多少|几)(家|个|项|台|人|次|件|所)/.exec(cueText)?.[1] ?? null;
    return { question, language, regions, policyIds, intents, asksInterpretation, concepts, phrases, parts, countUnit };
  }

  /**
   * Regions the question names beyond the aliases of the regions on file: pinyin names (Songjiang
   * District), and places with no policy of their own (苏州, whose regions on file are searched; 杭州,
   * which has none). A place that holds another region the question names only says where that one
   * lies (江苏省 in "太仓对经江苏省认定的…").
   */
  private placesNamed(question: string): { name: string; alias: string }[] {
    const directory = this.directory;
    if (!directory) return [];
    const mentions = directory.mentions(question).filter((m) => m.ambiguous.length === 0);
    return mentions.filter(
      (m) => m.inCorpus || !mentions.some((other) => other !== m && directory.within(other.code ?? other.name, m.code ?? m.name)),
    );
  }

  /**
   * A question that repeats a run of a policy's title (…中小企业数字化转型城市试点的推进阶段) names that
   * policy; the title's words then say which policy, not what about. Three title words in a row, in
   * the question's own order, make a name; scattered title words are just the topic.
   */
  private namedByTitle(text: string, concepts: Concept[]): { ids: string[]; concepts: Set<string> } | null {
    const known = new Set(concepts.map((c) => c.text));
    const sequence = this.tokenizer.words(text).filter((w) => known.has(w));
    // Three consecutive question words that one title holds name that policy. Each window of three
    // is checked from its rarest word; a window whose words are in very many titles names none.
    let best: { ids: string[]; concepts: Set<string> } | null = null;
    const checked = new Set<string>();
    for (let start = 0; start + 3 <= sequence.length; start++) {
      const window = sequence.slice(start, start + 3);
      const lists = window.map((w) => this.titleIndex.get(w) ?? []).sort((a, b) => a.length - b.length);
      const rarest = lists[0] ?? [];
      if (rarest.length === 0 || rarest.length > MAX_TITLES_PER_NAMING_WORD) continue;
      for (const id of rarest) {
        if (checked.has(id)) continue;
        checked.add(id);
        const terms = this.titleTerms.get(id) ?? new Set<string>();
        let run: string[] = [];
        let longest: string[] = [];
        for (const word of sequence) {
          run = terms.has(word) ? [...run, word] : [];
          if (run.length > longest.length) longest = run;
        }
        if (longest.length < 3) continue;
        if (!best || longest.length > best.concepts.size) best = { ids: [id], concepts: new Set(longest) };
        else if (longest.length === best.concepts.size) best.ids.push(id);
      }
    }
    return best;
  }

  /**
   * "松江试点方案由哪个部门负责解释？": a question about a policy's validity or interpretation whose
   * every remaining word is in one or two titles (of the region asked about) names those policies.
   */
  private namedForItsAspects(
    concepts: Concept[],
    intents: Set<Intent>,
    asksInterpretation: boolean,
    regions: string[],
  ): { ids: string[]; concepts: Set<string> } | null {
    if (concepts.length === 0 || !(intents.has('validity') || asksInterpretation)) return null;
    const [first, ...rest] = concepts;
    const ids = (this.titleIndex.get(first?.text ?? '') ?? []).filter(
      (id) =>
        rest.every((c) => this.titleTerms.get(id)?.has(c.text)) &&
        (regions.length === 0 || regions.includes(this.regionOfPolicy.get(id) ?? '')),
    );
    if (ids.length === 0 || ids.length > MAX_POLICIES_NAMED_BY_FEW_WORDS) return null;
    return { ids, concepts: new Set(concepts.map((c) => c.text)) };
  }

  /** English words and phrases → Chinese terms, longest phrase first; unknown words are dropped. */
  private translate(text: string): string {
    const words = text.replace(/'s\b/g, '').split(/[^a-z0-9&-]+/).filter(Boolean);
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      let matched = false;
      for (let n = Math.min(4, words.length - i); n >= 1; n--) {
        const phrase = words.slice(i, i + n);
        const terms = this.lexicon.glossary.get(phrase.join(' ')) ?? this.lexicon.glossary.get(phrase.map(singular).join(' '));
        if (terms) {
          out.push(...terms);
          i += n;
          matched = true;
          break;
        }
      }
      if (!matched) {
        if (/^\d+(\.\d+)?%?$/.test(words[i] ?? '')) out.push(words[i] ?? '');
        i++;
      }
    }
    return out.join(' ');
  }

  /** Filler glued to a word the corpus does not use comes off either end: 能补 → 补, 最多能 → 最多. */
  private peel(word: string): string {
    let chars = [...word];
    const glued = (char: string | undefined): boolean => char !== undefined && this.lexicon.stopwords.has(char);
    while (chars.length > 1 && !this.isKnownTerm(chars.join(''))) {
      if (glued(chars[0])) chars = chars.slice(1);
      else if (glued(chars[chars.length - 1])) chars = chars.slice(0, -1);
      else break;
    }
    return chars.join('');
  }

  private concepts(text: string): Concept[] {
    const { stopwords, synonyms } = this.lexicon;
    const concepts = new Map<string, Concept>();
    const add = (key: string, variants: Variant[]): void => {
      const existing = concepts.get(key);
      if (!existing) {
        concepts.set(key, { text: key, variants });
        return;
      }
      for (const v of variants) {
        const same = existing.variants.find((e) => e.term === v.term);
        if (!same) existing.variants.push(v);
        else same.weight = Math.max(same.weight, v.weight);
      }
    };

    // Colloquial phrases that segment into filler (搬到, 进规上, 咨询公司) are read whole, first,
    // unless they sit inside a longer word of the question (数据管理 in 数据管理能力成熟度).
    const questionWords = this.tokenizer.words(text);
    for (const [key, expansions] of this.phraseSynonyms) {
      if (!/\p{Script=Han}/u.test(key) || [...key].length < 2 || !text.includes(key)) continue;
      if (questionWords.some((word) => word.length > key.length && word.includes(key))) continue;
      const words = this.tokenizer.words(key);
      if (words.length === 1 && this.isKnownTerm(key)) continue; // an ordinary word: handled below
      add(
        key,
        dedupe(expansions.flatMap((s) => this.tokenizer.words(s)).map((term) => ({ term, weight: SYNONYM_WEIGHT }))),
      );
      text = text.split(key).join(' ');
    }

    for (const raw of this.tokenizer.words(text)) {
      const word = this.peel(raw);
      if (stopwords.has(word) || YEAR.test(word)) continue;
      const isNumber = /^\d/.test(word);
      if (isNumber && !MEANINGFUL_NUMBER.test(word)) continue;
      const expansions = synonyms.get(word);
      if ([...word].length < 2 && !expansions) continue;
      const variants: Variant[] = [{ term: word, weight: 1 }];
      for (const synonym of expansions ?? []) {
        for (const term of this.tokenizer.words(synonym)) variants.push({ term, weight: SYNONYM_WEIGHT });
      }
      if ([...word].length >= 3) {
        for (const sub of this.tokenizer.terms(word)) {
          if (sub !== word && [...sub].length >= 2 && !stopwords.has(sub)) variants.push({ term: sub, weight: SUBTERM_WEIGHT });
        }
      }
      add(word, dedupe(variants));
    }
    return [...concepts.values()];
  }
}

/** factories → factory, subsidies → subsidy, rewards → reward: enough English for a glossary lookup. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function dedupe(variants: Variant[]): Variant[] {
  const best = new Map<string, number>();
  for (const v of variants) best.set(v.term, Math.max(best.get(v.term) ?? 0, v.weight));
  return [...best].map(([term, weight]) => ({ term, weight }));
}
