import type { Role, Scope } from '../../../shared/roles.ts';

export interface GrantListAbilities {
  create: boolean;
}

export type GrantFilters = {
  userId?: number;
  role?: Role;
  orgId?: number;
};

export interface GrantFormValues {
  userId: number;
  role: Role;
  orgId: number;
  scope: Scope;
}
