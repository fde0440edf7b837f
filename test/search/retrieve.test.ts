import { describe, expect, it } from 'vitest';
import { EVAL_DATE, sharedEngine } from '../helpers.js';

const engine = sharedEngine();
const retrieve = (question: string, region: string | null = null, asOf = EVAL_DATE) =>
  engine.retriever.retrieve(question, { region, asOf });
const cited = (question: string, region: string | null = null) =>
  retrieve(question, region).passages.map((p) => `${p.policy.id}:${p.clause.label}`);

describe('retrieval', () => {
  it('answers a no-region question with the best clause of each policy that has one, in-force first', () => {
    const result = retrieve('我能拿多少两化融合奖励');
    expect(result.noAnswer).toBe(false);
    expect(cited('我能拿多少两化融合奖励')).toEqual([
      'songjiang-2023:5',
      'minhang-2021:第四条',
      'jiading-2021:2',
      'taicang-2021:（三）',
    ]);
    expect(result.passages.map((p) => p.status)).toEqual(['in-force', 'expired', 'expired', 'expired']);
  });

  it.each([
    ['松江区', ['songjiang-2023:5']],
    ['松江', ['songjiang-2023:5']],
    // Nothing in force answers: the expired policy's validity clause is cited for saying so.
    ['太仓市', ['taicang-2021:（三）', 'taicang-2021:末段']],
  ])('limits a question to the region %s', (region, expected) => {
    expect(cited('两化融合贯标有什么奖励', region)).toEqual(expected);
  });

  it('reads the region from the question, short or full', () => {
    expect(cited('闵行区两化融合奖励多少')).toEqual(['minhang-2021:第四条', 'minhang-2021:四（第3段）']);
    expect(cited('嘉定两化融合奖励多少')).toEqual(['jiading-2021:2', 'jiading-2021:16']);
  });

  it('finds the robot clause for a two-word question', () => {
    expect(cited('机器人补贴')).toContain('taicang-2021:（一）');
  });

  it.each([
    ['我是太仓的小厂老板，上云有啥补贴没？', 'taicang-2021:（四）'],
    ['松江智能工厂给多少钱', 'songjiang-2023:3'],
    ['松江技改补贴', 'songjiang-2023:2'],
    ['嘉定贯标奖励', 'jiading-2021:2'],
    ['在太仓贷款搞智能化改造，利息能补多少？', 'taicang-2021:（二十三）'],
    ['我们是刚搬到闵行的AI公司，房租政府能帮着出多少？', 'minhang-2021:第二条'],
  ])('understands colloquial wording: %s', (question, expected) => {
    expect(cited(question)[0]).toBe(expected);
  });

  it('finds the clause for an English question', () => {
    expect(cited('What R&D reward does Taicang give for breakthroughs in industrial-internet identifier resolution?')[0]).toBe(
      'taicang-2021:（十七）',
    );
    expect(retrieve('How much is the smart factory reward in Songjiang?').analysis.language).toBe('en');
  });

  it('reads English plurals and possessives', () => {
    expect(cited('How much does Minhang give for smart factories?')[0]).toBe('minhang-2021:第三条');
    expect(cited("Is Taicang's policy still in force?")).toEqual(['taicang-2021:末段']);
  });

  it('takes an issuer named in full as naming its policies, not as words to look for', () => {
    expect(cited('上海市松江区科学技术委员会发布的政策有哪些支持数据集挂牌的奖励')).toEqual(['songjiang-2023:5']);
  });

  it('peels filler glued to either end of a word (最多能 → 最多)', () => {
    expect(cited('嘉定区工业互联网服务商一年最多能拿多少？')).toEqual(['jiading-2021:7', 'jiading-2021:16']);
  });

  it('puts the clause holding the key concept first', () => {
    expect(cited('松江区首台套补贴比例')[0]).toBe('songjiang-2023:8');
  });

  it('matches traditional-script text with a simplified question and the other way round', () => {
    expect(cited('松江中小企业数字化转型城市试点的资金有多少？')[0]).toBe('songjiang-pilot-2025:（六）');
    expect(cited('松江中小企業數字化轉型城市試點的資金有多少？')[0]).toBe('songjiang-pilot-2025:（六）');
  });

  it('gives the status as of the date asked', () => {
    const before = retrieve('闵行两化融合贯标奖励', null, '2025-01-01').passages[0];
    const after = retrieve('闵行两化融合贯标奖励', null, '2026-11-21').passages[0];
    expect(before?.status).toBe('in-force');
    expect(after?.status).toBe('expired');
  });

  it('adds the validity clause when asked whether something still applies', () => {
    expect(cited('太仓的工业机器人奖励现在还能申请吗？')).toEqual(['taicang-2021:（一）', 'taicang-2021:末段']);
  });

  it('answers a question about a policy as a whole with the clause that states it', () => {
    expect(cited('松江区制造业数字化转型发展若干政策由哪个部门负责解释？')).toEqual(['songjiang-2023:末段']);
  });

  it('lists the policies of a place for a list asked with topic words most clauses share', () => {
    const listed = retrieve('松江有哪些支持企业数字化转型的扶持政策？');
    expect(listed.catalogue).toBe(true);
    expect(cited('松江有哪些支持企业数字化转型的扶持政策？')).toEqual(['songjiang-2023:末段', 'songjiang-pilot-2025:（一）']);
    // A specific topic is answered by the clauses on it, not by a list.
    expect(retrieve('松江有哪些两化融合的政策？').catalogue).toBe(false);
    // A topic the place's policy titles name (智能化改造) is what those policies are about: a list.
    const titled = retrieve('太仓有哪些智能化改造方面的政策？');
    expect(titled.catalogue).toBe(true);
    expect(cited('太仓有哪些智能化改造方面的政策？')).toEqual(['taicang-2021:末段']);
  });

  it('never takes what the asker is (规上 in 规上企业…) for the key of what it asks', () => {
    const analysis = engine.retriever.analyse('太仓规上企业搞智能化改造，设备投资起码多少才有奖励？');
    const asker = analysis.concepts.find((c) => c.text === '规上');
    expect(asker?.qualifies).toBe(true);
    expect(analysis.concepts[analysis.key]?.text).not.toBe('规上');
    // Asked about alone, the enterprise category is the topic.
    expect(engine.retriever.analyse('规上企业有什么奖励？').concepts.some((c) => c.qualifies)).toBe(false);
  });

  it('never narrows a topic with the name the asker calls itself by (厂子规模 is the asker’s size)', () => {
    const analysis = engine.retriever.analyse('厂子规模不大，想做个数字化改造，在松江能给补多少？');
    expect(analysis.concepts.map((c) => c.text)).not.toContain('厂子规模');
    expect(retrieve('厂子规模不大，想做个数字化改造，在松江能给补多少？').noAnswer).toBe(false);
  });

  it('finds the corpus’s short form of a long form asked about (规模以上 → 规上)', () => {
    const concept = engine.retriever.analyse('规模以上企业有什么奖励').concepts.find((c) => c.text === '规模以上');
    const wordings = concept?.variants.map((v) => v.term) ?? [];
    expect(wordings).toContain('规上');
    // A piece of the long form is not its short form.
    expect(wordings.filter((t) => t !== '规模以上' && '规模以上'.includes(t)).every((t) => concept?.variants.find((v) => v.term === t)?.kind === 'piece')).toBe(true);
  });

  it('reads a follow-up whose verb carries a particle (领吗) against the question before it', () => {
    const previous = engine.retriever.analyse('松江两化融合贯标奖励多少？');
    const followUp = engine.retriever.retrieve('这个现在能领吗？', { region: null, asOf: EVAL_DATE, previous });
    expect(followUp.passages.map((p) => p.policy.id)).toEqual(['songjiang-2023']);
  });

  it('reads a follow-up of qualifiers and verbs only (一次, 分开) as about the topic before it, but not one naming a thing', () => {
    const previous = engine.retriever.analyse('松江两化融合贯标奖励多少？');
    const followUp = engine.retriever.retrieve('那这笔钱是一次给完还是分开给？', { region: null, asOf: EVAL_DATE, previous });
    expect(followUp.noAnswer).toBe(false);
    expect(followUp.passages.filter((p) => p.role === 'answer').map((p) => `${p.policy.id}:${p.clause.label}`)).toEqual(['songjiang-2023:5']);
    expect(engine.retriever.retrieve('那火星基地呢？', { region: null, asOf: EVAL_DATE, previous }).noAnswer).toBe(true);
    // A topic word, however many clauses use it, is a topic of its own.
    const own = engine.retriever.retrieve('那数字化转型呢？', { region: null, asOf: EVAL_DATE, previous });
    expect(own.analysis.concepts.map((c) => c.text)).toEqual(['数字化转型']);
  });

  it('reads a supposition about the case just asked (要是…呢) with words every policy uses as the same question again', () => {
    const previous = engine.retriever.analyse('太仓智能化改造，设备投了600万能补多少？');
    const followUp = engine.retriever.retrieve('要是设备投到1200万呢？单个项目最多补多少', { region: null, asOf: EVAL_DATE, previous });
    expect(followUp.analysis.inherited).toBe('topic');
    expect(new Set(followUp.passages.map((p) => p.policy.id))).toEqual(new Set(['taicang-2021']));
  });

  it('does not take the figure an asker spent as a word a clause must hold', () => {
    const analysis = engine.retriever.analyse('松江技改设备投了3000万，能补多少？');
    expect(analysis.concepts.map((c) => c.text)).not.toContain('3000');
    expect(analysis.unmatched).toEqual([]);
  });

  it('takes filler off a word glued to it, even where the corpus’s own segmentation glued it too (能补)', () => {
    const analysis = engine.retriever.analyse('太仓搞技改现在能补多少？');
    expect(analysis.concepts.map((c) => c.text)).toEqual(['技改']);
    // Not a topic the corpus lacks either: a follow-up asking 能补吗 leans on the question before it.
    expect(analysis.unmatched).not.toContain('能补');
  });

  it('never names another place’s policy by the title words the question shares with it', () => {
    // 制造业数字化转型发展 is a run of 松江's title; the question asks about 太仓.
    const analysis = engine.retriever.analyse('太仓的制造业数字化转型发展政策有什么奖励');
    expect(analysis.regions).toEqual(['太仓市']);
    expect(analysis.policyIds).not.toContain('songjiang-2023');
    expect(retrieve('太仓的制造业数字化转型发展政策有什么奖励').passages.every((p) => p.role === 'related' || p.policy.region === '太仓市')).toBe(true);
  });

  it('reads a policy term written in pinyin in an English question (lianghuaronghe)', () => {
    const analysis = engine.retriever.analyse('How much is the lianghuaronghe reward in Songjiang?');
    expect(analysis.concepts.map((c) => c.text)).toContain('两化融合');
    expect(cited('How much is the lianghuaronghe reward in Songjiang?')).toEqual(['songjiang-2023:5']);
    // An English word is not read as pinyin however it happens to spell (subsidies, companies).
    expect(engine.retriever.analyse('Which companies get subsidies in Songjiang?').concepts.map((c) => c.text)).not.toContain('两化融合');
  });

  it('has no answer when no clause covers the question', () => {
    expect(retrieve('企业被认定为高新技术企业，这几份政策里有什么奖励？').noAnswer).toBe(true);
    expect(retrieve('企业数字化转型投入能享受研发费用加计扣除吗？').noAnswer).toBe(true);
    expect(retrieve('今天天气怎么样').noAnswer).toBe(true);
    // The topic is a word no policy uses: the amount asked for must not make every reward an answer.
    expect(retrieve('发明专利授权奖励多少钱？').noAnswer).toBe(true);
    expect(retrieve('松江发明专利授权奖励多少？').noAnswer).toBe(true);
    // A place on file joined by the segmenter to the word after it is still the place asked about.
    const joined = retrieve('太仓企业拿到发明专利授权，每件奖励多少钱？');
    expect(joined.regions).toEqual(['太仓市']);
    expect(joined.noAnswer).toBe(true);
  });

  it('says a region has nothing on a topic, and points to the regions that do', () => {
    const result = retrieve('嘉定区对DCMM认证有奖励吗？');
    expect(result.noAnswer).toBe(true);
    expect(result.passages.map((p) => [p.policy.id, p.role])).toEqual([
      ['songjiang-2023', 'related'],
      ['taicang-2021', 'related'],
    ]);
  });
});
