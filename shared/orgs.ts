/** Organisation types of the provincial CPPCC system. `cppcc_*` types run their own information office. */
export const ORG_TYPES = {
  cppcc_province: '省政协',
  cppcc_city: '市政协',
  cppcc_county: '县级政协',
  office: '机关部门',
  committee: '专门委员会',
  party: '民主党派',
  federation: '工商联',
  people_org: '人民团体',
  sector: '界别',
  think_tank: '智库',
  recipient: '外部报送对象',
} as const;

export type OrgType = keyof typeof ORG_TYPES;
export const ORG_TYPE_KEYS = Object.keys(ORG_TYPES) as [OrgType, ...OrgType[]];

export const CPPCC_TYPES: readonly OrgType[] = ['cppcc_province', 'cppcc_city', 'cppcc_county'];

/** External recipient bodies never log in: no user may belong to them. */
export function orgAcceptsUsers(type: OrgType): boolean {
  return type !== 'recipient';
}

/** Which child types each type may hold, so the tree keeps the real system's shape. */
export const ORG_CHILD_TYPES: Record<OrgType, readonly OrgType[]> = {
  cppcc_province: [
    'cppcc_city',
    'office',
    'committee',
    'party',
    'federation',
    'people_org',
    'sector',
    'think_tank',
    'recipient',
  ],
  cppcc_city: [
    'cppcc_county',
    'office',
    'committee',
    'party',
    'federation',
    'people_org',
    'sector',
    'think_tank',
  ],
  cppcc_county: ['office', 'committee', 'party', 'federation', 'people_org', 'sector'],
  office: ['office'],
  committee: [],
  party: ['party'],
  federation: [],
  people_org: [],
  sector: [],
  think_tank: [],
  recipient: [],
};
