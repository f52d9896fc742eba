import type { PublicationInput, Recipient } from '../../../shared/schemas/issues.ts';

const LEADERS_SONG: Recipient[] = [
  { name: '省政协主席、副主席', group: 'song', topLeader: false, upward: false, channel: 'confidential' },
  { name: '省政协秘书长', group: 'song', topLeader: false, upward: false, channel: 'confidential' },
];
const UPWARD: Recipient[] = [
  { name: '全国政协办公厅', group: 'bao', topLeader: false, upward: true, channel: 'network' },
  { name: '省委办公厅', group: 'bao', topLeader: false, upward: false, channel: 'confidential' },
  { name: '省政府办公厅', group: 'bao', topLeader: false, upward: false, channel: 'confidential' },
];

/**
 * The four publications of R1.3 for a provincial CPPCC: 《社情民意》《{省}政协信息》
 * 《政协信息专报》 and the new 《政协信息》 (twice a week). `province` is the short name (安徽).
 */
export function defaultPublications(orgId: number, province: string, publisher: string): PublicationInput[] {
  const base = {
    orgId,
    mastheadColor: 'C00000',
    publisher,
    marking: '内部资料　注意保存',
    countTotal: true,
    totalOffset: 0,
    active: true,
  };
  return [
    {
      ...base,
      name: '政协信息',
      masthead: '政协信息',
      streams: ['sqmy', 'zhxx'],
      singleItem: false,
      perWeek: 2,
      recipients: [
        ...UPWARD,
        ...LEADERS_SONG,
        { name: '各市政协', group: 'fa', topLeader: false, upward: false, channel: 'edoc' },
      ],
      printRun: 120,
    },
    {
      ...base,
      name: '社情民意',
      masthead: '社情民意',
      streams: ['sqmy'],
      singleItem: false,
      perWeek: 1,
      recipients: [
        ...UPWARD,
        ...LEADERS_SONG,
        { name: '省政协各专门委员会', group: 'fa', topLeader: false, upward: false, channel: 'edoc' },
      ],
      printRun: 100,
    },
    {
      ...base,
      name: `${province}政协信息`,
      masthead: `${province}政协信息`,
      streams: ['zhxx'],
      singleItem: false,
      perWeek: 1,
      recipients: [
        { name: '全国政协办公厅', group: 'bao', topLeader: false, upward: true, channel: 'network' },
        ...LEADERS_SONG,
        { name: '各市、县（市、区）政协', group: 'fa', topLeader: false, upward: false, channel: 'edoc' },
      ],
      printRun: 150,
    },
    {
      ...base,
      name: '政协信息专报',
      masthead: '政协信息专报',
      streams: ['sqmy', 'zhxx'],
      singleItem: true,
      perWeek: 0,
      marking: '内部资料　注意保存',
      recipients: [
        { name: '省委书记', group: 'bao', topLeader: true, upward: false, channel: 'confidential' },
        { name: '省长', group: 'bao', topLeader: true, upward: false, channel: 'confidential' },
        ...LEADERS_SONG,
      ],
      printRun: 20,
    },
  ];
}

/** 政协安徽省委员会 or 安徽省政协 → 安徽; without a province name, 省. */
export function provinceOf(rootName: string): string {
  return /^(?:政协)?(.+?)省/.exec(rootName)?.[1] ?? '省';
}
