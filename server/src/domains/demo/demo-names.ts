// Word lists for believable demo companies and people; combined by a seeded generator.
export const CITIES = [
  '上海',
  '杭州',
  '苏州',
  '南京',
  '宁波',
  '广州',
  '深圳',
  '东莞',
  '佛山',
  '厦门',
  '北京',
  '天津',
  '青岛',
  '济南',
  '武汉',
  '成都',
];
export const CORE_WORDS = [
  '华创',
  '恒信',
  '东方',
  '瑞丰',
  '新锐',
  '远航',
  '博达',
  '金桥',
  '汇通',
  '嘉禾',
  '宏远',
  '鼎盛',
  '天成',
  '中科',
  '昊天',
  '益康',
  '联合',
  '美达',
  '星辰',
  '同心',
  '安泰',
  '众诚',
  '海纳',
  '信达',
];
export const BUSINESS = [
  ['manufacturing', '精密机械'],
  ['manufacturing', '电子科技'],
  ['it', '信息技术'],
  ['it', '软件'],
  ['retail', '商贸'],
  ['finance', '融资租赁'],
  ['construction', '建设工程'],
  ['education', '教育科技'],
  ['healthcare', '医疗器械'],
  ['logistics', '供应链管理'],
  ['energy', '新能源'],
  ['government', '城市服务'],
] as const;
export const SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司'];
export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '高',
  '罗',
];
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
  '建华',
  '志强',
  '晓东',
  '海燕',
  '文博',
  '子涵',
];
export const TITLES = ['总经理', '副总经理', '采购经理', '技术总监', 'IT 主管', '财务经理', '项目经理', '行政主管', '生产总监'];
export const CONTACT_DEPTS = ['总经办', '采购部', '技术部', '信息中心', '财务部', '生产部', '行政部'];
export const REGIONS: Record<string, string> = {
  上海: '华东',
  杭州: '华东',
  苏州: '华东',
  南京: '华东',
  宁波: '华东',
  广州: '华南',
  深圳: '华南',
  东莞: '华南',
  佛山: '华南',
  厦门: '华南',
  北京: '华北',
  天津: '华北',
  青岛: '华北',
  济南: '华北',
  武汉: '华中',
  成都: '西南',
};

export const FOLLOW_UP_STORIES: ['call' | 'visit' | 'meeting' | 'email' | 'note', string, string | null][] = [
  ['call', '电话回访，了解今年的采购计划，对方说预算要等季度会后才定。', '下季度再跟'],
  ['visit', '上门拜访采购经理，现场演示了产品，对方对交付周期比较关心。', '有意向，要报价'],
  ['meeting', '和技术部开了需求沟通会，梳理了三个核心需求，约定下周出方案。', '需求已确认'],
  ['email', '发送了产品资料和成功案例，请对方转给决策人。', null],
  ['call', '跟进报价反馈，客户觉得价格偏高，在和竞品比较。', '需要申请折扣'],
  ['visit', '陪同经理拜访总经理，关系推进了一步，对方同意安排试用。', '安排试用'],
  ['note', '客户内部换了采购负责人，需要重新建立联系。', null],
  ['meeting', '合同条款沟通，法务提出付款节点要调整。', '等待法务确认'],
];

/** Small deterministic generator so every demo database looks the same. */
export function seededRandom(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(arr: readonly T[]): T => arr[Math.floor(next() * arr.length)],
  };
}
