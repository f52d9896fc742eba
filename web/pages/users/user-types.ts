import type { z } from 'zod';
import type { Role } from '../../../shared/roles.ts';
import type {
  MemberLevel,
  UserView,
  userAbilities,
  userListAbilities,
} from '../../../shared/schemas/users.ts';

export type UserAbilities = z.infer<typeof userAbilities>;
export type UserListAbilities = z.infer<typeof userListAbilities>;
export type UserRow = UserView & { abilities: UserAbilities };

/** The list filters, sent as query parameters (also to the export). */
export type UserFilters = {
  q?: string;
  orgId?: number;
  subtree?: boolean;
  enabled?: boolean;
  memberLevel?: MemberLevel;
  role?: Role;
  specialOfficer?: boolean;
};
