import type { OrgType } from '../../shared/orgs.ts';
import type { MemberLevel } from '../../shared/schemas/users.ts';

/** One organisation of the demo province; `key` is the stable ASCII handle seeders and members refer to. */
export interface DemoOrg {
  key: string;
  name: string;
  shortName?: string;
  type: OrgType;
  children?: DemoOrg[];
}

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

/** Current terms: the 13th Anhui CPPCC (opened January 2023) and the 14th National CPPCC (opened March 2023). */
const PROVINCE_TERM = '第十三届';
const NATIONAL_TERM = '第十四届';

/** A county-level unit: key suffix, name, and its current CPPCC term where known (only those seat demo members). */
type County = readonly [key: string, name: string, term?: string];

/** A prefecture-level city: its current CPPCC term, how many demo city members it seats, and 2–4 county-level units. */
interface City {
  key: string;
  name: string;
  term: string;
  members: number;
  counties: readonly County[];
}

/** Anhui's 16 prefecture-level cities in official order: key, name, current CPPCC term, demo members, county-level units. */
// biome-ignore format: one row per city reads as a table
const CITY_ROWS: readonly (readonly [string, string, string, number, readonly County[]])[] = [
  ['hefei', '合肥', '第十五届', 14, [['feixi', '肥西县', '第十一届'], ['feidong', '肥东县'], ['changfeng', '长丰县'], ['chaohu', '巢湖市', '第十届']]],
  ['huaibei', '淮北', '第十一届', 7, [['suixi', '濉溪县'], ['xiangshan', '相山区'], ['duji', '杜集区']]],
  ['bozhou', '亳州', '第五届', 7, [['guoyang', '涡阳县'], ['mengcheng', '蒙城县'], ['lixin', '利辛县']]],
  ['suzhou', '宿州', '第六届', 8, [['dangshan', '砀山县'], ['xiaoxian', '萧县'], ['lingbi', '灵璧县'], ['sixian', '泗县']]],
  ['bengbu', '蚌埠', '第十五届', 8, [['huaiyuan', '怀远县'], ['wuhe', '五河县'], ['guzhen', '固镇县']]],
  ['fuyang', '阜阳', '第六届', 9, [['linquan', '临泉县'], ['taihe', '太和县'], ['funan', '阜南县'], ['jieshou', '界首市']]],
  ['huainan', '淮南', '第十六届', 7, [['shouxian', '寿县', '第十七届'], ['fengtai', '凤台县'], ['tianjiaan', '田家庵区']]],
  ['chuzhou', '滁州', '第七届', 8, [['tianchang', '天长市'], ['mingguang', '明光市'], ['laian', '来安县'], ['dingyuan', '定远县']]],
  ['luan', '六安', '第六届', 8, [['jinzhai', '金寨县', '第十一届'], ['huoshan', '霍山县'], ['shucheng', '舒城县'], ['huoqiu', '霍邱县']]],
  ['maanshan', '马鞍山', '第十一届', 7, [['dangtu', '当涂县'], ['hanshan', '含山县'], ['hexian', '和县']]],
  ['wuhu', '芜湖', '第十四届', 10, [['jinghu', '镜湖区', '第十届'], ['wuwei', '无为市'], ['nanling', '南陵县'], ['wanzhi', '湾沚区']]],
  ['xuancheng', '宣城', '第五届', 7, [['ningguo', '宁国市'], ['guangde', '广德市'], ['jingxian', '泾县'], ['jixi', '绩溪县']]],
  ['tongling', '铜陵', '第十届', 7, [['zongyang', '枞阳县'], ['yian', '义安区']]],
  ['chizhou', '池州', '第五届', 7, [['dongzhi', '东至县'], ['shitai', '石台县'], ['qingyang', '青阳县']]],
  ['anqing', '安庆', '第十六届', 9, [['tongcheng', '桐城市', '第十四届'], ['qianshan', '潜山市', '第十四届'], ['huaining', '怀宁县'], ['susong', '宿松县']]],
  ['huangshan', '黄山', '第八届', 7, [['shexian', '歙县', '第十四届'], ['xiuning', '休宁县'], ['yixian', '黟县'], ['huizhou', '徽州区', '第九届']]],
];
const CITIES: readonly City[] = CITY_ROWS.map(([key, name, term, members, counties]) => ({
  key,
  name,
  term,
  members,
  counties,
}));

/** A provincial participating unit or special committee, with the 界别/party its members carry and how many it seats. */
interface Unit {
  key: string;
  name: string;
  shortName?: string;
  type: 'committee' | 'party' | 'federation' | 'people_org' | 'sector';
  /** 界别 of every member; committees draw one per member. */
  sector?: string;
  /** Party of every member; otherwise derived from the sector. */
  party?: string;
  /** Posts held by the unit's first members, in order. */
  leads: readonly string[];
  /** Titles for the rest; defaults to professions typical of the sector. */
  jobs?: readonly string[];
  /** Provincial members seated in the unit. */
  members: number;
}

const committee = (key: string, name: string, shortName: string): Unit => ({
  key: `cmte_${key}`,
  name,
  shortName,
  type: 'committee',
  leads: ['副主任'],
  jobs: ['委员'],
  members: 2,
});

const PARTY_LEADS = ['副主委', '秘书长'];
const partyUnit = (
  key: string,
  name: string,
  shortName: string,
  sector: string,
  partyName: string,
  members: number,
): Unit => ({
  key: `party_${key}`,
  name,
  shortName,
  type: 'party',
  sector,
  party: partyName,
  leads: PARTY_LEADS,
  members,
});

const peopleOrg = (
  key: string,
  name: string,
  shortName: string,
  sector: string,
  lead: string,
  members: number,
): Unit => ({
  key: `po_${key}`,
  name,
  shortName,
  type: 'people_org',
  sector,
  leads: [lead],
  members,
});

const sectorUnit = (key: string, name: string, members: number, partyName?: string): Unit => ({
  key: `sector_${key}`,
  name,
  type: 'sector',
  sector: name,
  leads: ['界别召集人'],
  members,
  ...(partyName ? { party: partyName } : {}),
});

/** Special committees of the Anhui CPPCC. */
const COMMITTEES: readonly Unit[] = [
  committee('proposal', '提案委员会', '提案委'),
  committee('economy', '经济委员会', '经济委'),
  committee('agriculture', '农业和农村委员会', '农业农村委'),
  committee('environment', '人口资源环境委员会', '人资环委'),
  committee('education', '教科卫体委员会', '教科卫体委'),
  committee('law', '社会和法制委员会', '社法委'),
  committee('ethnic_religion', '民族宗教委员会', '民宗委'),
  committee('foreign', '港澳台侨和外事委员会', '港澳台侨外事委'),
  committee('culture', '文化文史和学习委员会', '文史学习委'),
];

/** Participating units: the 8 democratic parties' provincial committees, the federation, people's organisations, 界别. */
const PARTICIPANTS: readonly Unit[] = [
  partyUnit('minge', '民革安徽省委会', '民革省委', '中国国民党革命委员会', '民革', 6),
  partyUnit('minmeng', '民盟安徽省委会', '民盟省委', '中国民主同盟', '民盟', 8),
  partyUnit('minjian', '民建安徽省委会', '民建省委', '中国民主建国会', '民建', 7),
  partyUnit('minjin', '民进安徽省委会', '民进省委', '中国民主促进会', '民进', 7),
  partyUnit('nonggong', '农工党安徽省委会', '农工党省委', '中国农工民主党', '农工党', 7),
  partyUnit('zhigong', '致公党安徽省委会', '致公党省委', '中国致公党', '致公党', 5),
  partyUnit('jiusan', '九三学社安徽省委会', '九三学社省委', '九三学社', '九三学社', 7),
  partyUnit('taimeng', '台盟安徽省委会', '台盟省委', '台湾民主自治同盟', '台盟', 3),
  {
    key: 'federation',
    name: '安徽省工商业联合会',
    shortName: '省工商联',
    type: 'federation',
    sector: '中华全国工商业联合会',
    leads: ['副主席'],
    members: 7,
  },
  peopleOrg('union', '安徽省总工会', '省总工会', '中华全国总工会', '副主席', 3),
  peopleOrg('youth_league', '共青团安徽省委', '团省委', '中国共产主义青年团', '副书记', 2),
  peopleOrg('women', '安徽省妇女联合会', '省妇联', '中华全国妇女联合会', '副主席', 3),
  peopleOrg('cast', '安徽省科学技术协会', '省科协', '中国科学技术协会', '副主席', 3),
  peopleOrg('overseas', '安徽省归国华侨联合会', '省侨联', '中华全国归国华侨联合会', '副主席', 2),
  peopleOrg('taiwan', '安徽省台湾同胞联谊会', '省台联', '中华全国台湾同胞联谊会', '副会长', 2),
  peopleOrg('youth', '安徽省青年联合会', '省青联', '中华全国青年联合会', '副主席', 2),
  sectorUnit('economy', '经济界', 5),
  sectorUnit('education', '教育界', 4),
  sectorUnit('medical', '医药卫生界', 5),
  sectorUnit('agriculture', '农业界', 4),
  sectorUnit('scitech', '科学技术界', 4),
  sectorUnit('culture', '文化艺术界', 3),
  sectorUnit('nonparty', '无党派民主人士', 3, '无党派'),
];

/** Where the national members living in Anhui sit (one entry per member). */
const NATIONAL_SEATS = (
  'party_minge party_minmeng party_minmeng party_minjian party_minjin party_nonggong party_zhigong party_jiusan ' +
  'party_jiusan federation po_cast po_women po_union sector_economy sector_economy sector_education sector_medical ' +
  'sector_scitech sector_agriculture sector_nonparty'
).split(' ');

/** County members, spread over the county-level CPPCCs whose current term is known. */
const COUNTY_MEMBERS = 30;

const unitOrg = (u: Unit): DemoOrg => ({
  key: u.key,
  name: u.name,
  ...(u.shortName ? { shortName: u.shortName } : {}),
  type: u.type,
});

/** County-level CPPCC: districts carry the city name (政协淮北市相山区委员会), counties and county-level cities don't. */
const countyOrg = (city: City, [key, name]: County): DemoOrg => ({
  key: `county_${key}`,
  name: `政协${name.endsWith('区') ? `${city.name}市` : ''}${name}委员会`,
  shortName: `${name}政协`,
  type: 'cppcc_county',
});

const cityOrg = (city: City): DemoOrg => ({
  key: `city_${city.key}`,
  name: `政协${city.name}市委员会`,
  shortName: `${city.name}市政协`,
  type: 'cppcc_city',
  children: [
    ...city.counties.map((c) => countyOrg(city, c)),
    { key: `city_${city.key}_office`, name: `${city.name}市政协办公室`, shortName: '办公室', type: 'office' },
  ],
});

/** The demo province: the Anhui CPPCC with its offices, committees, 16 city CPPCCs, participating units and recipients. */
export const DEMO_TREE: DemoOrg = {
  key: 'province',
  name: '政协安徽省委员会',
  shortName: '省政协',
  type: 'cppcc_province',
  children: [
    {
      key: 'general_office',
      name: '办公厅',
      type: 'office',
      children: [
        { key: 'info_office', name: '信息处', type: 'office' },
        { key: 'secretary_office', name: '秘书处', type: 'office' },
        { key: 'general_affairs_office', name: '综合处', type: 'office' },
      ],
    },
    { key: 'research_office', name: '研究室', type: 'office' },
    ...COMMITTEES.map(unitOrg),
    ...CITIES.map(cityOrg),
    ...PARTICIPANTS.map(unitOrg),
    { key: 'think_tank', name: '安徽省政协智库', shortName: '省政协智库', type: 'think_tank' },
    { key: 'rcpt_national', name: '全国政协办公厅', type: 'recipient' },
    { key: 'rcpt_central', name: '中共中央办公厅', shortName: '中办', type: 'recipient' },
    { key: 'rcpt_state_council', name: '国务院办公厅', shortName: '国办', type: 'recipient' },
    { key: 'rcpt_party_office', name: '中共安徽省委办公厅', shortName: '省委办公厅', type: 'recipient' },
    { key: 'rcpt_gov_office', name: '安徽省人民政府办公厅', shortName: '省政府办公厅', type: 'recipient' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

/** One demo CPPCC member: a login account with a member profile, seated in one organisation. */
export interface DemoMember {
  login: string;
  realName: string;
  mobile: string;
  orgKey: string;
  title: string;
  level: MemberLevel;
  term: string;
  sector: string;
  party: string;
  standing: boolean;
  specialOfficer: boolean;
}

/** The 界别 of the CPPCC with their relative weight among members drawn at random (committees, cities, counties). */
// biome-ignore format: a table of weights
const SECTOR_WEIGHTS: readonly (readonly [string, number])[] = [
  ['中国共产党', 12], ['中国国民党革命委员会', 2], ['中国民主同盟', 3], ['中国民主建国会', 3], ['中国民主促进会', 3],
  ['中国农工民主党', 3], ['中国致公党', 2], ['九三学社', 3], ['台湾民主自治同盟', 1], ['无党派民主人士', 3],
  ['中国共产主义青年团', 2], ['中华全国总工会', 3], ['中华全国妇女联合会', 3], ['中华全国青年联合会', 2],
  ['中华全国工商业联合会', 4], ['中国科学技术协会', 3], ['中华全国台湾同胞联谊会', 1], ['中华全国归国华侨联合会', 1],
  ['文化艺术界', 3], ['科学技术界', 3], ['社会科学界', 3], ['经济界', 6], ['农业界', 5], ['教育界', 5], ['体育界', 1],
  ['新闻出版界', 2], ['医药卫生界', 5], ['对外友好界', 1], ['社会福利和社会保障界', 2], ['少数民族界', 1], ['宗教界', 1],
  ['特邀人士', 2],
];

/** Sectors whose members all share one party affiliation; other sectors mix 中共党员 and 群众. */
const SECTOR_PARTY: Readonly<Record<string, string>> = {
  中国共产党: '中共党员',
  中国国民党革命委员会: '民革',
  中国民主同盟: '民盟',
  中国民主建国会: '民建',
  中国民主促进会: '民进',
  中国农工民主党: '农工党',
  中国致公党: '致公党',
  九三学社: '九三学社',
  台湾民主自治同盟: '台盟',
  无党派民主人士: '无党派',
  宗教界: '群众',
};

/** Typical posts or professions of members of a sector; democratic parties and 无党派 use PROFESSIONS. */
const JOBS: Readonly<Record<string, readonly string[]>> = {
  中国共产党: ['局长', '副局长', '乡镇党委书记', '街道党工委书记', '高校党委副书记', '国企党委书记'],
  经济界: ['企业董事长', '总经理', '高级经济师', '银行行长', '注册会计师'],
  农业界: ['研究员', '合作社理事长', '高级农艺师', '家庭农场主', '农技推广研究员'],
  教育界: ['教授', '副教授', '中学校长', '特级教师', '学院院长'],
  医药卫生界: ['主任医师', '副主任医师', '医院副院长', '主任药师', '主任护师'],
  科学技术界: ['研究员', '高级工程师', '教授', '重点实验室主任'],
  社会科学界: ['研究员', '教授', '律师事务所主任'],
  文化艺术界: ['国家一级演员', '一级美术师', '作家', '国家一级编剧', '非遗代表性传承人'],
  新闻出版界: ['主任记者', '高级编辑', '出版社副社长'],
  体育界: ['高级教练', '体育运动学校校长'],
  对外友好界: ['对外友协副秘书长', '高级翻译'],
  社会福利和社会保障界: ['养老服务中心主任', '慈善会秘书长', '社会工作站站长'],
  少数民族界: ['社区党委书记', '民族中学校长', '企业董事长'],
  宗教界: ['佛教协会副会长', '伊斯兰教协会副会长', '基督教两会副主席', '道教协会副会长'],
  特邀人士: ['律师', '退休干部', '研究员'],
  中国共产主义青年团: ['团委书记', '青年企业家', '大学辅导员'],
  中华全国总工会: ['全国劳动模范', '高级技师', '企业工会主席'],
  中华全国妇女联合会: ['企业董事长', '社区党委书记', '律师', '主任医师'],
  中华全国青年联合会: ['青年企业家', '副教授', '主治医师'],
  中华全国工商业联合会: ['企业董事长', '总经理', '商会会长'],
  中国科学技术协会: ['研究员', '教授', '高级工程师'],
  中华全国台湾同胞联谊会: ['台资企业总经理', '教授'],
  中华全国归国华侨联合会: ['侨资企业董事长', '教授', '主任医师'],
};
const PROFESSIONS = '教授 副教授 主任医师 研究员 高级工程师 律师 企业董事长 中学校长 注册会计师'.split(' ');

/** Posts that make their holder a standing committee member of the provincial CPPCC. */
const STANDING_POSTS = new Set(['副主委', '副主席', '副书记', '副会长']);

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN_TWO = (
  '建华 志刚 海燕 丽华 晓东 文静 俊峰 国平 红梅 秀英 春燕 立新 永红 振宇 卫东 红霞 丽娟 海波 文华 晓燕 玉兰 桂芳 雪梅 ' +
  '玉梅 丽萍 建平 志明 志华 新民 学文 学军 德胜 永平 晓峰 晓军 晓光 海涛 云飞 宏伟 宏亮 伟东 立华 振华 亚军 亚楠 静怡 ' +
  '文娟 晓丽 慧敏 丽娜 艳红 艳芳 秀兰 金凤 翠萍 晓红 明远 志远 思远 博文 子健 浩然 天宇 佳慧 淑华 凤霞 桂兰 荣华 成林 ' +
  '松涛 德明 正清 世杰 国栋 承志 振东 明辉 春生 春林 冬梅 美玲 惠敏 晓梅 晓静 雅琴 瑞华 向东 卫国 国良 爱华 爱民 为民 ' +
  '世平 宇航 光辉 家俊 文斌 少华 敏杰 玉洁 素琴 婉婷'
).split(' ');
const GIVEN_ONE = [...'玮琦璐瑶蓉莹骏昊晖炜昕珏'];
/** Names of well-known people the generator could otherwise produce, and the demo role accounts' names. */
const RESERVED_NAMES = new Set([
  ...'董建华 王志刚 何卫东 周国平 胡志明 廖承志 王世杰 宋美玲 吴昕 周琦 杨蓉 李文华 曾琦'.split(' '),
  ...'周立新 孙晓梅 钱永刚 林静 宋雨桐 何建华 冯国栋 邓文博 唐正华 曹丽萍 韩志远'.split(' '),
]);
const MOBILE_PREFIXES = [
  133, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 157, 158, 159, 166, 173, 177, 180, 181, 186, 187,
  189, 191, 198, 199,
].map(String);

/** mulberry32: a small seeded PRNG, so the demo data are the same at every start. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo members: ~120 provincial, 20 national (living in Anhui), 130 city and 30 county members; deterministic. */
export function demoMembers(): DemoMember[] {
  const rng = mulberry32(0x20230112);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const totalWeight = SECTOR_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  const drawSector = (): string => {
    let r = rng() * totalWeight;
    for (const [name, w] of SECTOR_WEIGHTS) {
      r -= w;
      if (r < 0) return name;
    }
    return '中国共产党';
  };
  const partyOf = (sector: string) => SECTOR_PARTY[sector] ?? (rng() < 0.6 ? '中共党员' : '群众');
  const jobOf = (sector: string) => pick(JOBS[sector] ?? PROFESSIONS);

  const names = new Set(RESERVED_NAMES);
  const newName = (): string => {
    for (;;) {
      // Skew towards the front of the list: 王李张刘陈 are far commoner than 覃莫孔.
      const surname = SURNAMES[Math.floor(rng() ** 1.7 * SURNAMES.length)]!;
      const name = surname + (rng() < 0.18 ? pick(GIVEN_ONE) : pick(GIVEN_TWO));
      if (!names.has(name)) {
        names.add(name);
        return name;
      }
    }
  };
  const mobiles = new Set<string>();
  const newMobile = (): string => {
    for (;;) {
      const mobile = pick(MOBILE_PREFIXES) + String(Math.floor(rng() * 1e8)).padStart(8, '0');
      if (!mobiles.has(mobile)) {
        mobiles.add(mobile);
        return mobile;
      }
    }
  };

  const members: DemoMember[] = [];
  const add = (
    orgKey: string,
    level: MemberLevel,
    term: string,
    sector: string,
    title: string,
    party: string,
    standing: boolean,
  ) => {
    const login = `m${String(members.length + 1).padStart(4, '0')}`;
    const realName = newName();
    const mobile = newMobile();
    members.push({
      login,
      realName,
      mobile,
      orgKey,
      title,
      level,
      term,
      sector,
      party,
      standing,
      specialOfficer: rng() < 0.08,
    });
  };

  const units = new Map([...COMMITTEES, ...PARTICIPANTS].map((u) => [u.key, u]));
  // Provincial members, seated in the committees and participating units; a unit's first seats hold its posts.
  for (const u of units.values()) {
    for (let i = 0; i < u.members; i++) {
      const sector = u.sector ?? drawSector();
      const lead = u.leads[i];
      const title = lead ?? (u.jobs ? pick(u.jobs) : jobOf(sector));
      const standing = STANDING_POSTS.has(title) || rng() < (title === '副主任' ? 0.5 : 0.02);
      add(u.key, 'province', PROVINCE_TERM, sector, title, u.party ?? partyOf(sector), standing);
    }
  }
  // National members living in Anhui, attached to their provincial participating unit.
  for (const key of NATIONAL_SEATS) {
    const u = units.get(key)!;
    const sector = u.sector ?? drawSector();
    add(key, 'national', NATIONAL_TERM, sector, jobOf(sector), u.party ?? partyOf(sector), rng() < 0.05);
  }
  // City members, seated in their city CPPCC.
  for (const city of CITIES) {
    for (let i = 0; i < city.members; i++) {
      const sector = drawSector();
      add(`city_${city.key}`, 'city', city.term, sector, jobOf(sector), partyOf(sector), rng() < 0.03);
    }
  }
  // County members, round-robin over the county-level CPPCCs whose current term is known.
  const counties = CITIES.flatMap((c) => c.counties).filter((c) => c[2] !== undefined);
  for (let i = 0; i < COUNTY_MEMBERS; i++) {
    const [key, , term] = counties[i % counties.length]!;
    const sector = drawSector();
    add(`county_${key}`, 'county', term!, sector, jobOf(sector), partyOf(sector), rng() < 0.05);
  }
  return members;
}
