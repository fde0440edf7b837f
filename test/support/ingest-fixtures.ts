/**
 * The front matter each policy fixture in test/fixtures/ingest/ carries: text that must never be in a
 * clause or a citation.
 */
export const FRONT_MATTER_OF: Record<string, string[]> = {
  'header-inline': ['首页', '索引号', '发文字号', '发文机关', '成文日期', '发布日期', '施行日期', '有效性', '各镇人民政府、街道办事处', '此件公开发布', '打印本页', '关闭窗口', '2024年2月29日'],
  'header-two-line': ['当前位置', '发文字号', '锡工信发〔2023〕45号', '各区工业和信息化局', '分享到', '微博', '字号', '扫一扫', '2023年11月20日'],
  'header-database': ['【标题】', '【发布部门】', '【发文字号】', '【实施日期】', '【时效性】', '【效力级别】', '【法规类别】', '各县（市）区经信部门'],
  'header-title-above-number': ['走进新都', '投资政策', '人民政府文件', '新都府发〔2024〕7号', '各镇人民政府', '2024229', '此件主动公开', '抄送'],
  'header-traditional': ['走進天河', '發文字號', '發文機關', '成文日期', '二〇二四年一月十五日', '各街道辦事處'],
  'yinzhou-digital-2024': ['鄞经信〔2024〕8号', '区级有关部门：', '2024年4月10日'],
};
