import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. Timestamps are ISO-8601 UTC strings and flags are 0/1 integers in both SQLite
 * and PostgreSQL, so the same queries and comparisons serve both dialects.
 */
export interface OrganizationsTable {
  id: Generated<number>;
  parent_id: number | null;
  /** Materialised path of ids, `/1/5/12/`, for subtree queries. */
  path: string;
  name: string;
  short_name: string;
  type: string;
  sort_order: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  login: string;
  real_name: string;
  mobile: string;
  password_hash: string;
  must_change_password: number;
  enabled: number;
  totp_secret: string | null;
  totp_enabled: number;
  /** Last accepted TOTP time step, so a code is never accepted twice. */
  totp_last_step: number;
  member_level: string | null;
  member_term: string;
  member_sector: string;
  member_party: string;
  member_standing: number;
  special_officer: number;
  demo: number;
  last_login_at: string | null;
  password_changed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  user_id: number;
  org_id: number;
  title: string;
  sort_order: number;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  org_id: number;
  scope: string;
  granted_by: number | null;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  /** 'totp' while waiting for the second factor, then 'full'. */
  stage: string;
  csrf_token: string;
  ip: string;
  user_agent: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  totp_attempts: number;
}

export interface LoginThrottleTable {
  /** Lower-cased login as typed, whether or not such an account exists. */
  login: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface LoginLogTable {
  id: Generated<number>;
  at: string;
  login: string;
  user_id: number | null;
  ip: string;
  user_agent: string;
  result: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_login: string;
  action: string;
  target_type: string;
  target_id: string;
  summary: string;
  ip: string;
  result: string;
  prev_hash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface DataGenerationTable {
  id: number;
  value: number;
}

export interface TopicsTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  sort_order: number;
  active: number;
}

/** The text columns shared by an item and each of its versions. */
interface ItemText {
  title: string;
  situation: string;
  analysis: string;
  suggestion: string;
  body: string;
  char_count: number;
}

export interface ItemsTable extends ItemText {
  id: Generated<number>;
  status: string;
  stream: string;
  kind: string | null;
  direction: string | null;
  topic_id: number | null;
  contact_phone: string;
  source_type: string;
  source_ref: string;
  urgent: number;
  disclosable: number;
  submitting_org_id: number;
  /** The CPPCC whose information office receives the item; set at submission. */
  target_org_id: number | null;
  created_by: number;
  /** Submitted by a liaison on behalf of a member (代报). */
  on_behalf: number;
  number: string | null;
  number_year: number | null;
  number_seq: number | null;
  assignee_id: number | null;
  post_id: number | null;
  due_at: string | null;
  /** Already handed from the A holder to the B holder for the current task. */
  handed_over: number;
  composite: number;
  merged_into_id: number | null;
  refer_org_id: number | null;
  last_reason: string;
  /** Comma-separated declaration keys confirmed at the last submission. */
  declarations: string;
  first_submitted_at: string | null;
  submitted_at: string | null;
  registered_at: string | null;
  /** Went, in an issued issue, to the provincial Party secretary or governor. */
  top_leaders: Generated<number>;
  lock_user_id: number | null;
  lock_expires_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ItemAuthorsTable {
  item_id: number;
  position: number;
  user_id: number | null;
  org_id: number | null;
  name: string;
}

export interface ItemVersionsTable extends ItemText {
  id: Generated<number>;
  item_id: number;
  no: number;
  kind: string;
  editor_id: number;
  created_at: string;
}

export interface ItemEventsTable {
  id: Generated<number>;
  item_id: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: number | null;
  reason: string;
  note: string;
  created_at: string;
}

export interface ItemCountersTable {
  org_id: number;
  year: number;
  last: number;
}

export interface ItemAttachmentsTable {
  id: Generated<number>;
  item_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number;
  created_at: string;
}

export interface RoutingRulesTable {
  id: Generated<number>;
  source_org_id: number;
  target_org_id: number;
  note: string;
  created_at: string;
}

export interface PostsTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  duty: string;
  holder_a_id: number;
  holder_b_id: number;
  deadline_hours: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LeavesTable {
  id: Generated<number>;
  user_id: number;
  start_date: string;
  end_date: string;
  note: string;
  created_at: string;
}

export interface DutyRosterTable {
  org_id: number;
  date: string;
  user_id: number;
  note: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  item_id: number | null;
  issue_id: number | null;
  created_at: string;
  read_at: string | null;
  digested_at: string | null;
}

export interface NotificationPrefsTable {
  user_id: number;
  kind: string;
  enabled: number;
}

export interface MessageOutboxTable {
  id: Generated<number>;
  user_id: number;
  mobile: string;
  text: string;
  created_at: string;
  sent_at: string | null;
  attempts: number;
  last_error: string;
}

export interface PublicationsTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  masthead: string;
  masthead_color: string;
  publisher: string;
  /** Comma-separated streams the publication carries (sqmy, zhxx). */
  streams: string;
  /** 专报: every issue carries exactly one item. */
  single_item: number;
  /** Issues a week by plan (0: as needed). */
  per_week: number;
  marking: string;
  /** JSON: the default recipients (see shared/schemas/issues.ts recipientSchema). */
  recipients: string;
  print_run: number;
  /** Counts a running total (总第M期) across years, starting after `total_offset`. */
  count_total: number;
  total_offset: number;
  sort_order: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ApprovalChainsTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  current_version: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ApprovalChainVersionsTable {
  id: Generated<number>;
  chain_id: number;
  version: number;
  /** JSON: the steps (see shared/schemas/issues.ts chainStepSchema). */
  steps: string;
  created_by: number | null;
  created_at: string;
}

export interface ApprovalRulesTable {
  id: Generated<number>;
  org_id: number;
  position: number;
  condition: string;
  publication_id: number | null;
  chain_id: number;
  created_at: string;
}

export interface IssuesTable {
  id: Generated<number>;
  publication_id: number;
  org_id: number;
  kind: string;
  urgency: string;
  status: string;
  editor_note: string;
  /** JSON: this issue's recipients, copied from the publication and adjusted. */
  recipients: string;
  print_run: number;
  year: number | null;
  number: number | null;
  total_number: number | null;
  chain_version_id: number | null;
  /** Each submission for approval starts a new round of signoffs. */
  round: number;
  step_index: number | null;
  compiled_by: number;
  signed_by: number | null;
  signed_at: string | null;
  /** JSON: the frozen IssueDocument of the current revision, once issued. */
  document: string | null;
  revision: number;
  /** Bumped on every change to what the issue prints. */
  content_version: number;
  version: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface IssueItemsTable {
  issue_id: number;
  item_id: number;
  position: number;
}

export interface IssueCountersTable {
  publication_id: number;
  series: string;
  year: number;
  last: number;
}

export interface IssueSignoffsTable {
  id: Generated<number>;
  issue_id: number;
  round: number;
  step_index: number;
  seq: number;
  user_id: number;
  post_id: number | null;
  status: string;
  comment: string;
  acted_by: number | null;
  acted_at: string | null;
  added_by: number | null;
  reminded_at: string | null;
  created_at: string;
}

export interface IssueEventsTable {
  id: Generated<number>;
  issue_id: number;
  action: string;
  actor_id: number | null;
  step_index: number | null;
  reason: string;
  note: string;
  created_at: string;
}

export interface IssueViewsTable {
  issue_id: number;
  user_id: number;
  snapshot: string;
  viewed_at: string;
}

export interface IssueFilesTable {
  id: Generated<number>;
  issue_id: number;
  revision: number;
  document: string;
  sha256: string;
  size: number;
  storage_key: string;
  note: string;
  created_by: number | null;
  created_at: string;
}

export interface DispatchesTable {
  id: Generated<number>;
  issue_id: number;
  position: number;
  name: string;
  recipient_group: string;
  top_leader: number;
  upward: number;
  channel: string;
  status: string;
  sent_on: string | null;
  handler_id: number | null;
  note: string;
  version: number;
  updated_at: string;
}

export interface ItemFeedbackTable {
  id: Generated<number>;
  item_id: number;
  kind: string;
  occurred_on: string;
  body: string | null;
  body_name: string;
  form: string | null;
  publication: string;
  leader_name: string;
  rank: string | null;
  status: string | null;
  text: string;
  note: string;
  /** Recorded on a whole issue (期): one row per item, each naming the issue. */
  issue_id: number | null;
  recorded_by: number;
  created_at: string;
  revoked_at: string | null;
  revoked_by: number | null;
  revoke_reason: string;
}

export interface FeedbackFilesTable {
  id: Generated<number>;
  feedback_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number;
  created_at: string;
}

export interface ReferralsTable {
  id: Generated<number>;
  item_id: number;
  /** The department the item is referred to (交办单位). */
  org_id: number;
  /** The CPPCC whose Information Office made the referral (the item's receiving office). */
  desk_id: number;
  /** ReferralState (shared/referrals.ts). */
  state: string;
  note: string;
  sent_on: string;
  deadline_days: number;
  due_on: string;
  created_by: number;
  created_at: string;
  signed_on: string | null;
  signer_name: string;
  signed_by: number | null;
  /** 1 when the office recorded the signing on the department's behalf (代为登记). */
  signed_proxy: number;
  closed_at: string | null;
  closed_by: number | null;
  revoked_at: string | null;
  revoked_by: number | null;
  revoke_reason: string;
  updated_at: string;
}

export interface ReferralRepliesTable {
  id: Generated<number>;
  referral_id: number;
  text: string;
  replied_on: string;
  recorded_by: number;
  proxy: number;
  created_at: string;
  /** ReplyRating once the office has reviewed the reply. */
  rating: string | null;
  review_note: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
}

export interface ReferralFilesTable {
  id: Generated<number>;
  reply_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number;
  created_at: string;
}

export interface SupervisionsTable {
  id: Generated<number>;
  item_id: number;
  desk_id: number;
  /** The instruction (批示) being followed up. */
  feedback_id: number;
  state: string;
  due_on: string;
  note: string;
  created_by: number;
  created_at: string;
  remind_count: number;
  last_reminded_at: string | null;
  result: string;
  closed_on: string | null;
  closed_by: number | null;
  implementation_id: number | null;
}

export interface SupervisionUnitsTable {
  supervision_id: number;
  org_id: number;
}

export interface ReminderMarksTable {
  subject: string;
  subject_id: number;
  kind: string;
  due_on: string;
  created_at: string;
}

export interface ScoreRuleSetsTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  /** The China-calendar day from which events are scored by this table. */
  effective_from: string;
  /** JSON: ScoreRules (shared/scoring.ts). */
  rules: string;
  created_by: number | null;
  created_at: string;
  /** Why a table effective on an already-scored day was saved; '' for a table that only looks ahead. */
  retroactive_reason: Generated<string>;
  updated_at: string | null;
}

export interface PerformanceSchemesTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  /** JSON: PerformanceScheme (shared/performance.ts). */
  rules: string;
  updated_by: number | null;
  updated_at: string;
}

export interface PerformanceDisputesTable {
  id: Generated<number>;
  /** The CPPCC whose record is disputed. */
  org_id: number;
  user_id: number;
  year: number;
  item_id: number | null;
  reason: string;
  /** DisputeState (shared/performance.ts). */
  state: string;
  reply: Generated<string>;
  /** Hundredths of a point, added to the year's record when accepted. */
  adjustment: Generated<number>;
  created_at: string;
  resolved_by: number | null;
  resolved_at: string | null;
}

export interface ScoreLedgerTable {
  id: Generated<number>;
  /** The CPPCC whose scoring this is (the item's receiving office). */
  org_id: number;
  item_id: number;
  source: string;
  rule_set_id: number | null;
  rule_key: string;
  subject_type: string;
  subject_id: number;
  /** Hundredths of a point. */
  points: number;
  occurred_on: string;
  explanation: string;
}

/** The public version of an item, approved for the portal (R4.4); withdrawn, never deleted. */
export interface DisclosuresTable {
  id: Generated<number>;
  item_id: number;
  /** The CPPCC whose office disclosed it (the item's receiving office). */
  org_id: number;
  status: string;
  title: string;
  text: string;
  /** Topic names and publication name as approved (public words only). */
  category: string;
  topic: string;
  publication: string;
  disclosed_on: string | null;
  year: number | null;
  prepared_by: number;
  prepared_at: string;
  approved_by: number | null;
  approved_at: string | null;
  withdrawn_by: number | null;
  withdrawn_at: string | null;
  withdraw_reason: string;
  version: number;
  updated_at: string;
}

/** A notice (公告) of one CPPCC's office on the portal; drafts are not public. */
export interface NoticesTable {
  id: Generated<number>;
  org_id: number;
  status: string;
  title: string;
  body: string;
  publish_on: string;
  pinned: number;
  created_by: number;
  created_at: string;
  updated_by: number;
  updated_at: string;
  published_by: number | null;
  published_at: string | null;
  withdrawn_by: number | null;
  withdrawn_at: string | null;
  withdraw_reason: string;
  version: number;
}

/** 评选表彰 (R4.10): a round per CPPCC office over a period, with quotas per kind. */
export interface AwardRoundsTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  period_from: string;
  period_to: string;
  quota_unit: number;
  quota_person: number;
  quota_item: number;
  /** draft (草拟) | final (已定). */
  state: string;
  computed_at: string;
  created_by: number | null;
  created_at: string;
  finalized_by: number | null;
  finalized_at: string | null;
}

/** A subject ranked within its quota at the last computation, or one the committee adjusted. */
export interface AwardEntriesTable {
  id: Generated<number>;
  round_id: number;
  kind: string;
  subject_id: number;
  name: string;
  unit: string;
  /** Hundredths of a point. */
  score: number;
  rank: number | null;
  /** Within the quota at the last computation (1) or kept only for its adjustment (0). */
  ranked: number;
  /** null | remove (调出) | add (增补). */
  adjustment: string | null;
  reason: string;
  adjusted_by: number | null;
  adjusted_at: string | null;
}

export interface Database {
  data_generation: DataGenerationTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  login_log: LoginLogTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  topics: TopicsTable;
  items: ItemsTable;
  item_authors: ItemAuthorsTable;
  item_versions: ItemVersionsTable;
  item_events: ItemEventsTable;
  item_counters: ItemCountersTable;
  item_attachments: ItemAttachmentsTable;
  routing_rules: RoutingRulesTable;
  posts: PostsTable;
  leaves: LeavesTable;
  duty_roster: DutyRosterTable;
  notifications: NotificationsTable;
  notification_prefs: NotificationPrefsTable;
  message_outbox: MessageOutboxTable;
  publications: PublicationsTable;
  approval_chains: ApprovalChainsTable;
  approval_chain_versions: ApprovalChainVersionsTable;
  approval_rules: ApprovalRulesTable;
  issues: IssuesTable;
  issue_items: IssueItemsTable;
  issue_counters: IssueCountersTable;
  issue_signoffs: IssueSignoffsTable;
  issue_events: IssueEventsTable;
  issue_views: IssueViewsTable;
  issue_files: IssueFilesTable;
  dispatches: DispatchesTable;
  item_feedback: ItemFeedbackTable;
  feedback_files: FeedbackFilesTable;
  referrals: ReferralsTable;
  referral_replies: ReferralRepliesTable;
  referral_files: ReferralFilesTable;
  supervisions: SupervisionsTable;
  supervision_units: SupervisionUnitsTable;
  reminder_marks: ReminderMarksTable;
  score_rule_sets: ScoreRuleSetsTable;
  performance_schemes: PerformanceSchemesTable;
  performance_disputes: PerformanceDisputesTable;
  score_ledger: ScoreLedgerTable;
  disclosures: DisclosuresTable;
  notices: NoticesTable;
  award_rounds: AwardRoundsTable;
  award_entries: AwardEntriesTable;
}

export type OrgRow = Selectable<OrganizationsTable>;
export type NewOrg = Insertable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserPatch = Updateable<UsersTable>;
export type GrantRow = Selectable<RoleGrantsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type ItemRow = Selectable<ItemsTable>;
export type ItemPatch = Updateable<ItemsTable>;
export type PostRow = Selectable<PostsTable>;
export type PublicationRow = Selectable<PublicationsTable>;
export type IssueRow = Selectable<IssuesTable>;
export type SignoffRow = Selectable<IssueSignoffsTable>;
export type DispatchRow = Selectable<DispatchesTable>;
export type FeedbackRow = Selectable<ItemFeedbackTable>;
export type ReferralRow = Selectable<ReferralsTable>;
export type ReplyRow = Selectable<ReferralRepliesTable>;
export type SupervisionRow = Selectable<SupervisionsTable>;
export type DisclosureRow = Selectable<DisclosuresTable>;
export type NoticeRow = Selectable<NoticesTable>;
export type AwardRoundRow = Selectable<AwardRoundsTable>;
export type AwardEntryRow = Selectable<AwardEntriesTable>;
