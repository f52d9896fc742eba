import type { MemberLevel, UserInput, UserView } from '../../../shared/schemas/users.ts';

/** The user form's shape: the member profile sits behind an on/off switch. */
export interface UserFormValues {
  login: string;
  realName: string;
  mobile?: string;
  memberships: { orgId?: number; title?: string }[];
  isMember: boolean;
  member?: { level?: MemberLevel; term?: string; sector?: string; party?: string; standing?: boolean };
  specialOfficer: boolean;
}

export function toFormValues(user: UserView | null): UserFormValues {
  if (!user)
    return {
      login: '',
      realName: '',
      mobile: '',
      memberships: [{ title: '' }],
      isMember: false,
      specialOfficer: false,
    };
  return {
    login: user.login,
    realName: user.realName,
    mobile: user.mobile,
    memberships: user.memberships.map(({ orgId, title }) => ({ orgId, title })),
    isMember: user.member !== null,
    member: user.member ?? undefined,
    specialOfficer: user.specialOfficer,
  };
}

/** The request body (without login) from validated form values. */
export function toUserBody(values: UserFormValues): Omit<UserInput, 'login'> {
  const member = values.isMember && values.member?.level ? values.member : null;
  return {
    realName: values.realName.trim(),
    mobile: values.mobile?.trim() ?? '',
    memberships: values.memberships
      .filter((item): item is { orgId: number; title?: string } => item?.orgId !== undefined)
      .map((item) => ({ orgId: item.orgId, title: item.title?.trim() ?? '' })),
    member:
      member?.level === undefined
        ? null
        : {
            level: member.level,
            term: member.term?.trim() ?? '',
            sector: member.sector?.trim() ?? '',
            party: member.party?.trim() ?? '',
            standing: member.standing ?? false,
          },
    specialOfficer: values.specialOfficer ?? false,
  };
}
