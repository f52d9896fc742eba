/** Item dictionaries fixed by the founding document (R1.1, R1.2, R1.4, R2.2, R2.5). */

export const ITEM_STREAMS = { sqmy: '社情民意信息', zhxx: '政协综合信息' } as const;
export type ItemStream = keyof typeof ITEM_STREAMS;
export const ITEM_STREAM_KEYS = Object.keys(ITEM_STREAMS) as [ItemStream, ...ItemStream[]];

/** Kinds of 政协综合信息 (R1.4). */
export const ITEM_KINDS = {
  work_news: '工作动态',
  decision_ref: '决策参考',
  online_opinion: '网络舆情',
  theory: '理论研究',
  implementation: '贯彻落实',
  performance: '履职情况',
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;
export const ITEM_KIND_KEYS = Object.keys(ITEM_KINDS) as [ItemKind, ...ItemKind[]];

/** Collection directions (R1.2). */
export const ITEM_DIRECTIONS = {
  upward: '上接天线',
  grassroots: '下接地气',
  lateral: '横向联系',
  provincial: '省委省政府决策部署',
} as const;
export type ItemDirection = keyof typeof ITEM_DIRECTIONS;
export const ITEM_DIRECTION_KEYS = Object.keys(ITEM_DIRECTIONS) as [ItemDirection, ...ItemDirection[]];

/** Where the text comes from (R2.2, R2.5). Anything but `own` needs a reference. */
export const ITEM_SOURCES = {
  own: '自行撰写',
  proposal: '提案',
  speech: '大会发言',
  research: '调研报告',
  consultation: '月度专题协商会',
  publication: '其他刊物',
  /** Written at the office's request (约稿): scored with the solicited bonus when adopted upstream. */
  solicited: '约稿',
} as const;
export type ItemSource = keyof typeof ITEM_SOURCES;
export const ITEM_SOURCE_KEYS = Object.keys(ITEM_SOURCES) as [ItemSource, ...ItemSource[]];

/** Sections of a 社情民意 item, in order; a 综合信息 item has one body. */
export const SQMY_SECTIONS = { situation: '情况', analysis: '原因分析', suggestion: '建议' } as const;
export type SqmySection = keyof typeof SQMY_SECTIONS;

/** What the author confirms before submitting: matters that are not information work. */
export const ITEM_DECLARATIONS = {
  petition: '不属于个人信访事项',
  litigation: '不涉及正在进行的诉讼、仲裁案件',
  personnel: '不涉及干部任免等人事问题',
  secret: '不涉及国家秘密和工作秘密',
  privacy: '不含他人个人隐私信息',
  copied: '不是照搬照抄的新闻报道或网络文章',
} as const;
export type ItemDeclaration = keyof typeof ITEM_DECLARATIONS;
export const ITEM_DECLARATION_KEYS = Object.keys(ITEM_DECLARATIONS) as [
  ItemDeclaration,
  ...ItemDeclaration[],
];

/** Default two-level topic dictionary; administrators edit it afterwards. */
export const DEFAULT_TOPICS: readonly { name: string; children: readonly string[] }[] = [
  { name: '经济建设', children: ['产业发展', '科技创新', '农业农村', '营商环境', '财政金融', '区域协调'] },
  { name: '政治建设', children: ['民主法治', '统一战线', '政协工作', '基层治理'] },
  { name: '文化建设', children: ['文化事业', '文化产业', '文物保护', '宣传舆论'] },
  {
    name: '社会建设',
    children: ['教育', '医疗卫生', '就业社保', '养老托育', '安全生产', '交通出行', '住房'],
  },
  { name: '生态文明建设', children: ['污染防治', '长江保护', '资源节约', '乡村环境'] },
  { name: '党的建设', children: ['作风建设', '党风廉政'] },
  { name: '其他', children: [] },
];

/** Kinds of in-app notification, each switchable per user. */
export const NOTIFICATION_KINDS = {
  item_status: '我的信息办理进展',
  item_assigned: '分配给我的信息',
  item_urgent: '紧急信息',
  item_handover: 'AB岗转交',
  duty: '值班提醒',
  item_feedback: '我的信息被采用、批示',
  issue_approval: '待我审签的刊物',
  issue_status: '刊物审签进展',
  referral_task: '交办件办理提醒',
  item_reply: '我的信息的办复情况',
  supervision_due: '督办到期提醒',
  performance_dispute: '委员履职申诉',
  performance_result: '我的履职申诉处理结果',
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_KEYS = Object.keys(NOTIFICATION_KINDS) as [
  NotificationKind,
  ...NotificationKind[],
];

/** Duties a post (岗位) carries (R3.2). */
export const POST_DUTIES = { register: '登记', edit: '编辑', review: '审核', approve: '审定签发' } as const;
export type PostDuty = keyof typeof POST_DUTIES;
export const POST_DUTY_KEYS = Object.keys(POST_DUTIES) as [PostDuty, ...PostDuty[]];

/** Counts characters as Chinese offices do: every character except whitespace. */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/.test(ch)) n += 1;
  return n;
}
