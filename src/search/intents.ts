import type { ValidityStatus } from '../corpus/types.js';
import type { Intent } from './analysis.js';

/**
 * What kind of answer a question wants, read from the ways Chinese (and English) ask for it: an
 * amount, a date or validity, a department, conditions, a procedure, a comparison, or a list of
 * policies. Several may hold at once ("能拿多少？找哪个部门？").
 */

const CUES: [Intent, RegExp][] = [
  [
    'amount',
    /多少|几万|几千|几个?钱|几个?(?:百分)?点|(给|拿|领|补|贴)(点|些)?钱|金额|额度|上限|最高|最多|封顶|比例|标准是|(什么|哪些|啥|何种)(样的)?(支持|补贴|奖励|扶持|资助|补助|优惠)|怎么(补|奖|支持|扶持|资助)|如何(补|奖|支持|扶持|资助)|(有|给|能拿|能领)(没有)?(补贴|奖励|资助|补助|钱)|补贴|奖励|资助|补助|奖补|扶持资金|how much|what share|subsid|reward|grant|incentive|percentage|\bcap\b|maximum|amount|\bup to\b|the most|\bat most\b|how many yuan|what (subsidy|subsidies|reward|rewards|support|grant|grants)/,
  ],
  ['validity', /有效|失效|时效|(?:开始|起)执行|(?:什么|啥|哪种|何种)状态|状态(?:如何|怎样|怎么样)|过期|到期|期满|施行|起实施|开始实施|生效|废止|作废|哪天|何时|什么时候|截止|还能用|还管用|还算数|还能(申请|申报|报|享受)|还可以(申请|申报)|in force|in effect|take effect|takes effect|valid|expire|effective|abolish|repeal|still apply|still open|start and end|when does it (start|end)|until when|deadline/],
  ['department', /部门|单位负责|谁负责|负责解释|谁管|找谁|哪个局|哪家单位|department|responsible|interpret|which (office|bureau|agency)|who (handles|administers)/],
  ['eligibility', /条件|门槛|资格|要求|限制|主体|对象|符合|够不够|能不能(申请|享受|拿)|可以(申请|享受)吗|能否(申请|享受)|能(申请|申报|享受)吗|还能享受|(什么样|哪类|哪种|什么类型)的?(企业|公司|项目|单位|主体)|哪些(企业|公司|项目|单位)(能|可以|可)|eligib|qualif|requirement|which (companies|firms|enterprises|projects)|what (kind|type) of (company|companies|firm|enterprise|project)/],
  ['procedure', /先.{1,4}后|流程|程序|步骤|怎么申请|如何申请|怎么报|如何申报|申报方式|材料|在哪(里|儿|个平台)?(申报|申请|报|办)|(哪个|什么)平台|找谁|向谁|什么时候(申报|申请|报)|几批|公示|备案|多长时间|多久|时限|期限内|how (do|to|can) .*apply|how long|procedure|process/],
  ['comparison', /分别|各自|各有|比较|对比|区别|差别|哪个[^，,。？?；;！!]{0,4}(多|高|大|少|低)|哪里[^，,。？?；;！!]{0,4}(多|高)|各(区|地|市|县|镇|级)|哪(个|些)(区|地方|市|县)|\bcompare|respectively|\beach of\b|difference|which (district|city|region|place)/],
];

/** Cues that ask which policies there are, rather than what one of them says. */
const CATALOGUE = /(有|有些|有哪些|哪些|哪几份|几份|什么|多少份|几个)[^？?。！!，,；;\s]{0,14}?(政策|文件|措施|办法)|政策(清单|目录|列表|汇总)|(每份|各份|这几份|这些|所有|全部|库里)(的)?(政策|文件)|(政策|文件|措施|办法)(都|还)?(有)?(哪些|哪几|几份|几个|多少份)|what policies|which policies|list (of |the |all )*polic/;

/**
 * Cues that ask which measures a policy lists (有哪些支持项目, 具体有哪几项, 支持方向有哪几类) — not
 * which projects or companies qualify (哪些项目可以申请), which asks for conditions.
 */
const MEASURES =
  /(哪些|哪几|什么)(项|类|条|个方面|方面)?(具体)?(支持|扶持|奖补|奖励|补贴|补助|资助|优惠)?(项目|措施|举措|方向|内容|事项|条款)(?![^？?。，,；;]{0,4}(可以|能|可|符合|要|需|须))|(哪几|几)(项|类|条|个方面)(支持|措施|内容|政策)?(?=[？?。！!，,；;]|$)|(支持|扶持|奖补|资助)(方向|内容|范围|事项)(有|是|包括)?(哪些|什么|哪几)|(what|which) (support )?measures|list (of |the |all )*(its |the )?(measures|support items)/;

/** Cues that point at a table of the policy (配套表里, 附表, 那张表): its rows answer. */
const TABLE = /附表|表格|(?:那|这|该)张[^，,。？?]{0,12}表|(?:标准|奖励|配套|支持|补助|补贴|指标|明细|一览|汇总)表|[^代发报列外图]表(?:里|中|内)|\btables?\b/;

/** Cues that ask what one enterprise can have in all (一家企业一年最多能拿多少, 单个企业上限): the policy's cap. */
const CAP =
  /(?:(?:单个|每个|同一|单家)(?:企业|公司|工厂|厂)|(?:一|每)家(?:企业|公司|工厂|厂)?)[^？?。，,]{0,10}?(?:最多|最高|上限|封顶|顶格|总额|总共|一共|累计)|(?:the )?(?:most|maximum|cap|limit)[^?.]{0,40}\b(?:one|a single|each|per|any) (?:company|firm|enterprise)|per (?:company|firm|enterprise) (?:per|a|each) year/;

/**
 * Cues that ask whether one must apply at all (也要申请吗, 还要自己报吗, 要不要申报, 哪些不用申报): the
 * exemption clause. A yes-no question only: 要在多长时间内申请？ asks when.
 */
const EXEMPTION =
  /(?:要|需要|得|还要|也要|还得)[^？?。，,]{0,8}?(?:申请|申报|报|提交|准备材料)(?:吗|么|嘛)\s*(?:[？?]|$)|(?:用不用|需不需要|要不要)[^？?。，,]{0,8}?(?:申请|申报|报|提交|准备材料)|(?:不用|无需|不需要|免)(?:申请|申报|报)|免申|do (?:we|i) (?:need|have) to apply|without (?:an )?application|automatic(?:ally)?/;

/** Cues that ask how the money is paid out (一次给完吗, 分几次拨付, 什么时候到账): the sentences that say so. */
const DISBURSEMENT =
  /一次(?:性)?(?:给|发|拨|付|打)(?:完|清|齐)?|分(?:几|两|三|多)?(?:次|批|期)(?:给|发|拨|付)?|(?:什么时候|何时|多久)(?:能)?(?:到账|拨付|拨款|发放|兑现|给钱|发钱|打款)|到账|拨付|兑付|paid out|instal+ments?|disburse/;

/** Cues that ask whether support must be paid back (钱要退回去吗, 会被追回吗): the policy's clawback clause. */
const CLAWBACK = /退回|退还|返还|退钱|追回|收回|要回去|吐出来|还回去|claw ?back|repay|refund|pay (?:it |the money )?back/;

/** 啥 is the spoken 什么 (啥时候, 啥条件, 要啥材料): the cues are written with the latter. */
const SPOKEN_WHAT = /啥/g;

export function readIntents(question: string): { intents: Set<Intent>; asksInterpretation: boolean } {
  const text = question.replace(SPOKEN_WHAT, '什么');
  const intents = new Set<Intent>();
  for (const [intent, cue] of CUES) if (cue.test(text)) intents.add(intent);
  if (CATALOGUE.test(text)) intents.add('catalogue');
  if (MEASURES.test(text)) intents.add('measures');
  if (TABLE.test(text)) intents.add('table');
  if (CAP.test(text)) intents.add('cap');
  if (EXEMPTION.test(text)) intents.add('exemption');
  if (DISBURSEMENT.test(text)) intents.add('disbursement');
  if (CLAWBACK.test(text)) intents.add('clawback');
  return { intents, asksInterpretation: /解释|interpret/.test(text) };
}

/**
 * Words that only say which aspect is asked (validity, department, amount): the aspect is answered by
 * a clause of its own or by the amounts of the answering clause, so they are not concepts to match.
 */
export const ASPECT_WORDS: Partial<Record<Intent, ReadonlySet<string>>> = {
  // So are the words that say as of when (已经, 现在): the answer states each policy's standing today.
  validity: new Set(['申请', '申报', '享受', '适用', '有效', '有效期', '施行', '实施', '执行', '失效', '过期', '到期', '期间', '期限', '还有效', '生效', '截止', '废止', '作废', '开始', '时间', '日期', '状态', '时效', '时效性', '时候', '已经', '现在', '目前']),
  // The forms support takes are how an amount is asked for (有什么补贴, 能拿多少奖励), not what about.
  amount: new Set(['最多', '最高', '上限', '封顶', '金额', '额度', '多少钱', '标准', '比例', '幅度', '百分比', '补贴', '奖励', '资助', '补助', '扶持', '支持', '奖补', '优惠', '钱', '补', '奖']),
  eligibility: new Set(['申请', '申报', '享受', '适用', '条件', '门槛', '资格', '要求', '限制']),
  // How an application goes is answered by the clause that says how to apply, whatever it calls it.
  procedure: new Set(['流程', '程序', '步骤', '手续', '环节']),
  department: new Set(['部门', '负责', '解释', '负责解释', '责任部门', '单位', '哪个部门', '牵头', '责任单位']),
  // What kind of policy is listed (扶持政策, 可以申请的政策, 现行的政策) says nothing about its topic.
  catalogue: new Set(['政策', '文件', '措施', '办法', '清单', '目录', '扶持', '支持', '惠企', '优惠', '奖补', '申请', '申报', '享受', '适用', '现行', '有效']),
  // What the items of a policy are called (支持项目, 支持方向, 哪几项) says nothing about their topic.
  measures: new Set(['项目', '措施', '举措', '方向', '内容', '事项', '条款', '方面', '具体', '一共', '总共', '支持', '扶持', '奖补', '奖励', '补贴', '补助', '资助', '优惠', '政策']),
  table: new Set(['表', '表格', '附表', '表里', '表中']),
  comparison: new Set(['分别', '各自', '各', '各有', '各区', '各地', '各市', '各县', '各镇', '各级', '哪个区', '哪些区', '地方', '哪里', '区别', '比较', '对比']),
};

/**
 * A list asked for by a standing out of the ordinary (哪些政策还没开始施行, 已经过期的有哪些): the
 * policies in that standing on the date asked, and only they. Asked which are in force, every policy is
 * listed with its standing, in force first: telling which are in force needs them all.
 */
const STANDING_ASKED: [ValidityStatus, RegExp][] = [
  ['not-yet-in-force', /(?:还没有?|尚未|未|没有?)(?:开始)?(?:施行|实施|执行|生效)|即将(?:施行|实施|执行|生效)|not yet in (?:force|effect)|(?:has|have)n[’']t taken effect|upcoming/],
  // Not what is about to expire (要到期的, 快过期的): that is still in force.
  ['expired', /(?:已经?|都)(?:过期|失效|到期|期满)|(?<![要将快])(?:过期|失效|到期)了?的|(?:already )?expired/],
];

export function standingAsked(question: string): ValidityStatus | null {
  const text = question.toLowerCase();
  return STANDING_ASKED.find(([, cue]) => cue.test(text))?.[0] ?? null;
}

/** Asking for a figure of money or a share, not whether there is support at all. */
const FIGURE = /多少|几万|几千|几个?钱|几个?(?:百分)?点|金额|额度|上限|最高|最多|封顶|比例|how much|what share|percentage|maximum|\bcap\b|\bamount|the most|\bat most\b/;

/**
 * Words of support (补, 奖, 资助, 能拿, 能报): a figure asked with one is a grant (补助比例是多少); without one
 * it may be a target the policy sets (数字化水平二级以上的要占多大比例).
 */
const SUPPORT = /补|奖|资助|扶持|拿|领|给|贴|支持|资金|钱|报销|(?:能|可以|可|能够)报|subsid|reward|grant|award|support|fund|receive|get\b/;

export function asksForSupport(text: string): boolean {
  return SUPPORT.test(text);
}

/** Whether a question asks for an amount or share (and not for a count: 多少家). */
export function asksForFigure(text: string, countUnit: string | null): boolean {
  return countUnit === null && FIGURE.test(text);
}

/**
 * Words that name the documents themselves (这份政策, 两化融合政策): never what a question is about,
 * whatever it asks, unless nothing else is left.
 */
export const DOCUMENT_WORDS: ReadonlySet<string> = new Set(['政策', '文件', '措施', '办法', '细则', '意见', '方案', '规定', '通知']);

/** Measure words a count is asked in (多少家, 几处, 多少个): Chinese's closed class of counting units. */
const COUNT_UNIT = /(?:多少|几)(家|个(?!点|百分点)|項|项|台|套|人|名|位|次|件|所|处|座|条|户|批|类|款|天|个月|年|期|轮|项次|家次|人次)/;

/** The unit a "how many" question counts in (多少家 → 家). */
export function countUnitOf(text: string): string | null {
  return COUNT_UNIT.exec(text)?.[1] ?? null;
}
