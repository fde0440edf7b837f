import type { AnswerObject, Citation } from '../answer/types.js';
import type { Policy } from '../corpus/types.js';
import { idf, saturatedTf } from '../search/bm25.js';
import type { Tokenizer } from '../text/tokenizer.js';

/**
 * The naive comparison point: every paragraph a passage, plain jieba words, BM25 over all of them,
 * the top five cited. No filler removal, synonyms, regions, coverage or per-policy choice.
 */
export class ParagraphBaseline {
  private readonly paragraphs: { policy: Policy; text: string }[] = [];
  private readonly postings = new Map<string, { index: number; tf: number }[]>();
  private readonly lengths: number[] = [];
  private readonly averageLength: number;

  constructor(
    policies: Policy[],
    private readonly tokenizer: Tokenizer,
  ) {
    for (const policy of policies) {
      for (const clause of policy.clauses) {
        for (const text of clause.text.split('\n')) {
          const index = this.paragraphs.length;
          this.paragraphs.push({ policy, text });
          const words = tokenizer.words(text);
          this.lengths.push(words.length);
          const counts = new Map<string, number>();
          for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
          for (const [w, tf] of counts) {
            const list = this.postings.get(w);
            if (list) list.push({ index, tf });
            else this.postings.set(w, [{ index, tf }]);
          }
        }
      }
    }
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  answer(question: string, asOfStatus: (p: Policy) => Citation['status']): AnswerObject {
    const scores = new Map<number, number>();
    const n = this.paragraphs.length;
    for (const word of new Set(this.tokenizer.words(question))) {
      const list = this.postings.get(word);
      if (!list) continue;
      const weight = idf(n, list.length);
      for (const { index, tf } of list) {
        scores.set(index, (scores.get(index) ?? 0) + weight * saturatedTf(tf, this.lengths[index] ?? 0, this.averageLength));
      }
    }
    const top = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const citations: Citation[] = top.map(([index], i) => {
      const { policy, text } = this.paragraphs[index] as { policy: Policy; text: string };
      return {
        n: i + 1,
        policyId: policy.id,
        title: policy.title,
        docNumber: policy.docNumber,
        issuer: policy.issuer,
        region: policy.region,
        clause: '',
        text,
        validFrom: policy.validFrom,
        validTo: policy.validTo,
        status: asOfStatus(policy),
      };
    });
    return {
      question,
      answer: citations.map((c) => `${c.text} [${c.n}]`).join('\n'),
      mode: 'extractive',
      noAnswer: citations.length === 0,
      citations,
    };
  }
}
