/**
 * Referral of an item to a department (交办 → 签收 → 办复 → 评价 → 办结) and follow-up of an
 * instructed item (督办): the words and rules shared by server and web.
 */
import type { OrgType } from './orgs.ts';

export const REFERRAL_STATES = {
  sent: '待签收',
  signed: '办理中',
  replied: '已办复',
  closed: '已办结',
  revoked: '已撤销',
} as const;
export type ReferralState = keyof typeof REFERRAL_STATES;
export const REFERRAL_STATE_KEYS = Object.keys(REFERRAL_STATES) as [ReferralState, ...ReferralState[]];

/** States in which the department still owes a reply: past the due day they are 逾期. */
export const REFERRAL_OPEN_STATES: readonly ReferralState[] = ['sent', 'signed'];

/** The office's review (评价) of a reply; 不满意 sends the referral back for a new reply. */
export const REPLY_RATINGS = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
} as const;
export type ReplyRating = keyof typeof REPLY_RATINGS;
export const REPLY_RATING_KEYS = Object.keys(REPLY_RATINGS) as [ReplyRating, ...ReplyRating[]];

/**
 * Who handles referred items: the CPPCC's own departments and special committees, the external
 * bodies it reports to (外部报送对象, offline: the office records for them), and the CPPCCs one
 * level down. Parties, federations, sectors and think tanks write information, they do not
 * handle it.
 */
export const REFERRAL_ORG_TYPES: readonly OrgType[] = [
  'office',
  'committee',
  'recipient',
  'cppcc_city',
  'cppcc_county',
];

export const DEFAULT_DEADLINE_DAYS = 15;
export const MAX_DEADLINE_DAYS = 120;

/** A referral past its due day without a reply. */
export function isOverdue(r: { state: ReferralState; dueOn: string }, today: string): boolean {
  return REFERRAL_OPEN_STATES.includes(r.state) && r.dueOn < today;
}

export const SUPERVISION_STATES = { open: '督办中', closed: '已办结' } as const;
export type SupervisionState = keyof typeof SUPERVISION_STATES;

/** Automatic reminders of a follow-up: two working days before the deadline, and once it has passed. */
export const REMINDER_KINDS = { due_soon: '即将到期', overdue: '已逾期' } as const;
export type ReminderKind = keyof typeof REMINDER_KINDS;
export const DUE_SOON_WORKING_DAYS = 2;
