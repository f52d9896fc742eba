/**
 * What became of an item after it left the office (R3.3): adoption by a body above, a leader's
 * written instruction (批示) and its implementation (落实). The words shared by server and web.
 */

export const FEEDBACK_KINDS = {
  adoption: '采用',
  instruction: '领导批示',
  implementation: '落实情况',
} as const;
export type FeedbackKind = keyof typeof FEEDBACK_KINDS;
export const FEEDBACK_KIND_KEYS = Object.keys(FEEDBACK_KINDS) as [FeedbackKind, ...FeedbackKind[]];

/** Who adopted the item, from the highest level down. */
export const ADOPTION_BODIES = {
  central: '中共中央办公厅、国务院办公厅',
  national_cppcc: '全国政协办公厅',
  provincial_party: '省委办公厅',
  provincial_gov: '省政府办公厅',
  provincial_cppcc: '省政协办公厅',
  city: '市委、市政府办公室',
  other: '其他单位',
} as const;
export type AdoptionBody = keyof typeof ADOPTION_BODIES;
export const ADOPTION_BODY_KEYS = Object.keys(ADOPTION_BODIES) as [AdoptionBody, ...AdoptionBody[]];

export const ADOPTION_FORMS = {
  single: '单篇采用',
  combined: '综合采用',
  excerpt: '摘报',
  forwarded: '原稿转送',
} as const;
export type AdoptionForm = keyof typeof ADOPTION_FORMS;
export const ADOPTION_FORM_KEYS = Object.keys(ADOPTION_FORMS) as [AdoptionForm, ...AdoptionForm[]];

/** The rank tier of the leader who wrote an instruction. */
export const INSTRUCTION_RANKS = {
  central: '中央领导',
  provincial_main: '省主要领导',
  provincial: '省级领导',
  bureau: '厅局级领导',
  city: '市领导',
} as const;
export type InstructionRank = keyof typeof INSTRUCTION_RANKS;
export const INSTRUCTION_RANK_KEYS = Object.keys(INSTRUCTION_RANKS) as [
  InstructionRank,
  ...InstructionRank[],
];

export const IMPLEMENTATION_STATUSES = {
  in_progress: '正在落实',
  partly: '部分落实',
  done: '已落实',
} as const;
export type ImplementationStatus = keyof typeof IMPLEMENTATION_STATUSES;
export const IMPLEMENTATION_STATUS_KEYS = Object.keys(IMPLEMENTATION_STATUSES) as [
  ImplementationStatus,
  ...ImplementationStatus[],
];

/** Items whose fate is worth recording: published, forwarded, referred or archived after that. */
export const FEEDBACK_STATES = ['published', 'forwarded', 'referred', 'archived'] as const;

/** One line a person reads: “全国政协办公厅单篇采用（《政协信息》第45期）”. */
export function feedbackSummary(f: {
  kind: FeedbackKind;
  body: AdoptionBody | null;
  bodyName: string;
  form: AdoptionForm | null;
  publication: string;
  leaderName: string;
  rank: InstructionRank | null;
  status: ImplementationStatus | null;
}): string {
  if (f.kind === 'adoption') {
    const who = f.body === 'other' || f.body === null ? f.bodyName : ADOPTION_BODIES[f.body];
    return `${who}${f.form ? ADOPTION_FORMS[f.form] : '采用'}${f.publication ? `（${f.publication}）` : ''}`;
  }
  if (f.kind === 'instruction')
    return `${f.rank ? INSTRUCTION_RANKS[f.rank] : '领导'}${f.leaderName}作出批示`;
  return `落实情况：${f.status ? IMPLEMENTATION_STATUSES[f.status] : ''}`;
}
