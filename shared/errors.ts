/**
 * Stable error codes. Each code has one HTTP status and a default Chinese message that says
 * what the user should do. Routes may pass a more specific message; the code never changes.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 422, message: '提交的内容不符合要求，请检查后重试' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  UNAUTHENTICATED: { status: 401, message: '尚未登录或登录已过期，请重新登录' },
  LOGIN_FAILED: { status: 401, message: '登录名或密码错误' },
  LOGIN_LOCKED: { status: 423, message: '登录失败次数过多，该账号已临时锁定，请稍后再试' },
  TOTP_INVALID: { status: 401, message: '动态验证码错误或已过期' },
  TOTP_ENROLL_REQUIRED: { status: 403, message: '按安全策略，您的账号须先绑定动态验证码（双因素认证）' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录、密码被重置或密码已超过有效期，请先修改密码' },
  PASSWORD_WEAK: { status: 422, message: '密码不符合安全要求' },
  PASSWORD_WRONG: { status: 422, message: '当前密码不正确' },
  CSRF_FAILED: { status: 403, message: '请求校验失败，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '您没有执行此操作的权限' },
  SEPARATION_OF_DUTIES: {
    status: 403,
    message: '系统管理员、安全管理员、审计管理员三员分立，同一人不得兼任',
  },
  NOT_FOUND: { status: 404, message: '记录不存在或您无权查看' },
  CONFLICT: { status: 409, message: '数据已被他人修改，请刷新后重试' },
  DUPLICATE: { status: 409, message: '记录已存在' },
  IN_USE: { status: 409, message: '该记录已被引用，不能删除，可改为停用' },
  ITEM_ACTION_NOT_ALLOWED: {
    status: 409,
    message: '该信息当前所处环节不能执行此操作，请刷新页面查看最新状态',
  },
  ITEM_STALE: {
    status: 409,
    message: '该信息已被他人保存了新版本，您的修改尚未保存，但不会丢失：请载入最新版本，对照差异后再保存',
  },
  ITEM_INCOMPLETE: { status: 422, message: '信息内容不完整，请补充后再报送' },
  ITEM_DECLARATION_REQUIRED: {
    status: 422,
    message: '报送前请逐项确认：不属于信访、诉讼、人事、涉密、个人隐私事项，不是照搬的媒体报道',
  },
  ITEM_TOO_LONG: { status: 422, message: '信息篇幅超过上限，请精简后再报送' },
  ITEM_NO_ROUTE: { status: 422, message: '未找到接收该信息的政协信息部门，请联系系统管理员配置报送路径' },
  DISCLOSURE_NOT_CONSENTED: {
    status: 422,
    message: '作者报送时未同意公开该信息（未勾选“可公开”），不能向社会公开',
  },
  DISCLOSURE_NOT_ISSUED: { status: 422, message: '该信息尚未在已签发的刊物中编发，不能向社会公开' },
  DISCLOSURE_PRIVATE_DATA: {
    status: 422,
    message: '公开文本含有作者姓名、电话号码等个人信息，请删除后再批准公开',
  },
  DISCLOSURE_STATE: { status: 409, message: '该信息的公开记录已有变化，请刷新后再操作' },
  NOTICE_STATE: { status: 409, message: '该公告的状态已有变化，请刷新后再操作' },
  ISSUE_LOCKED: { status: 409, message: '该期刊物已送审或已签发，不能再修改编排' },
  ISSUE_STALE: { status: 409, message: '该期刊物已被他人修改，请刷新后再操作，您填写的内容不会丢失' },
  ISSUE_INCOMPLETE: { status: 422, message: '该期刊物尚未编排完整，不能送审' },
  ISSUE_NO_CHAIN: { status: 422, message: '未找到适用的审签流程，请联系系统管理员配置审签规则' },
  ISSUE_NOT_YOUR_TURN: { status: 403, message: '当前不是您审签的环节' },
  SCORE_RULES_IN_FORCE: {
    status: 409,
    message: '这套计分规则已经生效，不能修改或删除；如需调整，请新建一套规则并注明生效日期',
  },
  SCORE_RULES_RETROACTIVE: {
    status: 422,
    message: '生效日期不晚于今天，将按新规则重算已有得分：请填写追溯理由后确认',
  },
  PERFORMANCE_YEAR_CLOSED: {
    status: 409,
    message: '该年度已结束，委员履职计分办法不能再修改',
  },
  PERFORMANCE_DISPUTE_WINDOW: { status: 422, message: '只能对本年度和上一年度的履职记录提出申诉' },
  PERFORMANCE_DISPUTE_STATE: { status: 409, message: '该申诉已处理或已撤回，请刷新后查看' },
  // Referrals (交办) and follow-up (督办)
  REFERRAL_ITEM_STATE: { status: 409, message: '该信息尚未编发、上报或转办，不能交办或督办' },
  REFERRAL_DUPLICATE: { status: 409, message: '该信息已交办该单位，不能重复交办；如需改交，请先撤销原交办' },
  REFERRAL_STATE: { status: 409, message: '该交办件的办理状态已有变化，请刷新后再操作' },
  SUPERVISION_STATE: { status: 409, message: '该督办事项的状态已有变化，请刷新后再操作' },
  // Selection and commendation (评选表彰)
  AWARD_ROUND_FINAL: { status: 409, message: '该评选已定稿，名单不能再调整或重新计算' },
  AWARD_ENTRY_STATE: { status: 409, message: '该对象在名单中的状态已有变化，请刷新后再操作' },
  DOCUMENT_UNAVAILABLE: { status: 503, message: '服务器未安装文档转换组件，暂不能生成PDF，请下载Word文件' },
  ATTACHMENT_REJECTED: { status: 422, message: '附件类型或大小不符合要求' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  IMPORT_FAILED: { status: 422, message: '导入文件有错误，未导入任何数据' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '上传的文件过大' },
  INTERNAL: { status: 500, message: '系统内部错误，请稍后再试或联系管理员' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
