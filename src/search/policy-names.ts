import { prepareForTokens, type Tokenizer } from '../text/tokenizer.js';

/**
 * Finds the policies a question names: by document number, title or issuer written out in full, by
 * a run of its title's words (…城市试点的推进阶段), or — for a question about validity or who
 * interprets it — by the few title words that are all it says (松江试点方案由哪个部门负责解释).
 */

export interface PolicyName {
  id: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  region: string;
  issued?: string | null;
  validFrom?: string | null;
}

/** A question word found in more titles than this is too common to name a policy by. */
const MAX_TITLES_PER_NAMING_WORD = 200;
/** Three title words in a row, in the question's own order, make a name; scattered ones are a topic. */
const MIN_TITLE_RUN = 3;
/** A question about an aspect may name at most this many policies by a few title words. */
const MAX_POLICIES_NAMED_BY_FEW_WORDS = 2;
/** Names shorter than this (after preparing) are too short to be told from ordinary words. */
const MIN_NAME_CHARS = 6;
/** Only the start of a question is searched for full names: names come first, and the cost stays flat. */
const NAME_WINDOW = 200;

export interface NamedPolicies {
  ids: string[];
  /** The question words that named them, to leave out of the topic. */
  words: Set<string>;
}

export class PolicyNames {
  private readonly titleIndex = new Map<string, string[]>();
  private readonly titleTerms = new Map<string, Set<string>>();
  private readonly names = new Map<string, string[]>();
  private readonly nameLengths: number[];
  private readonly nameStarts = new Set<string>();
  private readonly regionOf = new Map<string, string>();
  private readonly yearsOf = new Map<string, Set<string>>();

  constructor(
    private readonly tokenizer: Tokenizer,
    policies: PolicyName[],
  ) {
    const lengths = new Set<number>();
    for (const policy of policies) {
      const terms = new Set(tokenizer.terms(policy.title));
      this.titleTerms.set(policy.id, terms);
      this.regionOf.set(policy.id, policy.region);
      // The year a reader knows a policy by: its number's, its issue's or the one it took effect in.
      const numbered = /[〔［[(（](\d{4})[〕］\])）]/.exec(policy.docNumber ?? '')?.[1];
      this.yearsOf.set(policy.id, new Set([numbered, policy.issued?.slice(0, 4), policy.validFrom?.slice(0, 4)].filter((y): y is string => !!y)));
      for (const term of terms) push(this.titleIndex, term, policy.id);
      for (const name of [policy.docNumber, policy.title, ...(policy.issuer?.split('、') ?? [])]) {
        const prepared = name ? prepareForTokens(name) : '';
        if (prepared.length < MIN_NAME_CHARS) continue;
        push(this.names, prepared, policy.id);
        this.nameStarts.add(prepared.slice(0, 2));
        lengths.add(prepared.length);
      }
    }
    this.nameLengths = [...lengths].sort((a, b) => b - a);
  }

  /** Titles, numbers and issuers written out in full in a prepared question, longest first. */
  namedInFull(text: string): { name: string; ids: string[] }[] {
    const found: { name: string; ids: string[] }[] = [];
    const window = text.slice(0, NAME_WINDOW);
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

  /** The policy (of the places asked about) whose title holds the longest run (at least three) of the question's words. */
  namedByTitleRun(text: string, words: Set<string>, inScope: (region: string) => boolean = () => true): NamedPolicies | null {
    const sequence = this.tokenizer.words(text).filter((w) => words.has(w));
    let best: NamedPolicies | null = null;
    const checked = new Set<string>();
    for (let start = 0; start + MIN_TITLE_RUN <= sequence.length; start++) {
      const window = sequence.slice(start, start + MIN_TITLE_RUN);
      const lists = window.map((w) => this.titleIndex.get(w) ?? []).sort((a, b) => a.length - b.length);
      const rarest = lists[0] ?? [];
      if (rarest.length === 0 || rarest.length > MAX_TITLES_PER_NAMING_WORD) continue;
      for (const id of rarest) {
        if (checked.has(id)) continue;
        checked.add(id);
        // Another place's title that shares words with the one meant (智能化转型…措施) is not named.
        if (!inScope(this.regionOf.get(id) ?? '')) continue;
        const terms = this.titleTerms.get(id) ?? new Set<string>();
        let run: string[] = [];
        let longest: string[] = [];
        for (const word of sequence) {
          run = terms.has(word) ? [...run, word] : [];
          if (run.length > longest.length) longest = run;
        }
        if (longest.length < MIN_TITLE_RUN) continue;
        if (!best || longest.length > best.words.size) best = { ids: [id], words: new Set(longest) };
        else if (longest.length === best.words.size) best.ids.push(id);
      }
    }
    return best;
  }

  /**
   * The one policy of a region asked about known by a year the question says — of its number, issue
   * or taking effect (诸暨2021年那个政策 → 诸政发〔2021〕5号) — when that region has others to tell it from.
   */
  namedByYear(years: string[], regions: string[]): string[] {
    const named: string[] = [];
    for (const region of regions) {
      const own = [...this.yearsOf].filter(([id]) => this.regionOf.get(id) === region);
      if (own.length < 2) continue;
      for (const year of years) {
        const ofYear = own.filter(([, known]) => known.has(year));
        if (ofYear.length === 1 && ofYear[0]) named.push(ofYear[0][0]);
      }
    }
    return named;
  }

  /** Policies (of the regions asked about) whose titles hold every one of a few words. */
  namedByAllWords(words: string[], regions: string[]): NamedPolicies | null {
    const [first, ...rest] = words;
    if (first === undefined) return null;
    const ids = (this.titleIndex.get(first) ?? []).filter(
      (id) => rest.every((w) => this.titleTerms.get(id)?.has(w)) && (regions.length === 0 || regions.includes(this.regionOf.get(id) ?? '')),
    );
    if (ids.length === 0 || ids.length > MAX_POLICIES_NAMED_BY_FEW_WORDS) return null;
    return { ids, words: new Set(words) };
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
