// The benchmark company, shared by the generator and the benchmarks: everything is deterministic,
// so the list benchmark knows which users exist and what a search will find.

/** Every generated user (and the bootstrap admin) signs in with this password. */
export const BENCH_PASSWORD = process.env.BENCH_PASSWORD ?? 'Bench2026pass';

export const OWNER_COUNT = 500;

/** 销售中心 → 5 regions → 44 city sales departments: 50 departments in all. */
export const REGIONS: { key: string; name: string; short: string; cities: string[] }[] = [
  { key: 'east', name: '华东大区', short: '华东', cities: ['上海', '杭州', '苏州', '南京', '宁波', '无锡', '合肥', '温州', '嘉兴'] },
  { key: 'south', name: '华南大区', short: '华南', cities: ['广州', '深圳', '东莞', '佛山', '厦门', '福州', '珠海', '中山', '南宁'] },
  { key: 'north', name: '华北大区', short: '华北', cities: ['北京', '天津', '青岛', '济南', '沈阳', '大连', '太原', '烟台', '潍坊'] },
  { key: 'central', name: '华中大区', short: '华中', cities: ['武汉', '长沙', '郑州', '南昌', '洛阳', '宜昌', '襄阳', '株洲', '岳阳'] },
  { key: 'west', name: '西南大区', short: '西南', cities: ['成都', '重庆', '昆明', '贵阳', '绵阳', '遵义', '曲靖', '柳州'] },
];
export const CENTER_NAME = '销售中心';

/** City sales departments in a fixed order; rep k works in SALES_DEPTS[k % SALES_DEPTS.length]. */
export const SALES_DEPTS = REGIONS.flatMap((r, ri) => r.cities.map((city) => ({ city, region: ri, name: `${city}销售部` })));

// Trade names (字号) are two of these characters; with 44 cities, 24 lines of business and 3 legal
// forms that gives 11.4 million distinct company names, so a million customers never collide.
export const TRADE_CHARS = [
  ...'华创恒信瑞丰新锐远航博达金桥汇通嘉禾宏鼎盛天成中科昊益康联合美星辰同心安泰众诚海纳东方永隆兴旺佳德福和润广利宝元晨光明启',
];
export const BUSINESS: [industry: string, words: string][] = [
  ['manufacturing', '精密机械'],
  ['manufacturing', '电子科技'],
  ['manufacturing', '模具制造'],
  ['manufacturing', '包装材料'],
  ['it', '信息技术'],
  ['it', '软件'],
  ['it', '网络科技'],
  ['retail', '商贸'],
  ['retail', '贸易'],
  ['finance', '融资租赁'],
  ['finance', '投资管理'],
  ['construction', '建设工程'],
  ['construction', '装饰工程'],
  ['education', '教育科技'],
  ['education', '职业培训'],
  ['healthcare', '医疗器械'],
  ['healthcare', '生物医药'],
  ['logistics', '供应链管理'],
  ['logistics', '物流'],
  ['energy', '新能源'],
  ['energy', '化工'],
  ['government', '城市服务'],
  ['other', '文化传媒'],
  ['other', '咨询服务'],
];
export const LEGAL_FORMS = ['有限公司', '股份有限公司', '集团有限公司'];
export const SURNAMES = [...'王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢'];
export const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '军',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '丽',
  '强',
  '婷',
].concat(['建华', '志强', '晓东', '海燕', '文博', '子涵', '雨桐', '思远', '浩然', '佳怡', '立新', '晓梅']);

export const repUsername = (k: number) => `rep${String(k + 1).padStart(3, '0')}`;
export const deptManagerUsername = (d: number) => `mgr${String(d + 1).padStart(2, '0')}`;
export const regionManagerUsername = (r: number) => `mgr.${REGIONS[r].key}`;
export const DIRECTOR_USERNAME = 'director';

/** The three signed-in users the list benchmark drives: one per data scope. */
export const BENCH_USERS = {
  rep: { username: repUsername(0), label: 'rep (own)' },
  manager: { username: regionManagerUsername(0), label: 'manager (department: 华东大区, 9 sub-departments)' },
  director: { username: DIRECTOR_USERNAME, label: 'director (all)' },
} as const;
export type BenchRole = keyof typeof BENCH_USERS;

/** Default location of the PGlite benchmark database. */
export const DEFAULT_PGLITE_DIR = '/tmp/bench-crm-pglite';
