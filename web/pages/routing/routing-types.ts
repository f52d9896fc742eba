import { CPPCC_TYPES } from '../../../shared/orgs.ts';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import type { Ref } from '../../components/use-desk-data.ts';

export interface RoutingRule {
  id: number;
  sourceOrg: Ref;
  targetOrg: Ref;
  note: string;
  createdAt: string;
}

export interface RoutingPreview {
  target: Ref | null;
  rule: 'default' | 'override';
}

/** Only an active CPPCC runs an information office that can receive items. */
export const notReceiver = (org: OrgView) => !org.active || !CPPCC_TYPES.includes(org.type);
export const inactive = (org: OrgView) => !org.active;
