/** Deterministic fictional names for the demo world (a seeded PRNG: every fresh start looks the same). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '建国红梅志强思远晓燕国华丽娟海涛文静明辉玉兰小龙雪梅春燕永刚秀英俊杰佳怡子涵浩然雨欣宇航诗琪博文梓萱欣怡晨曦嘉豪';

export function personName(rand: () => number): string {
  const surname = SURNAMES[Math.floor(rand() * SURNAMES.length)]!;
  const given = [...GIVEN];
  const first = given[Math.floor(rand() * given.length)]!;
  return rand() < 0.35 ? surname + first : surname + first + given[Math.floor(rand() * given.length)]!;
}

const BRAND = [
  '星河',
  '蓝鲸',
  '川南',
  '沱江',
  '泸州老窖城',
  '凤凰',
  '云帆',
  '数智',
  '长江源',
  '玉蟾',
  '方山',
  '尧坝',
  '佛宝',
  '黄荆',
  '赤水河',
  '天宫',
];
const TRADE = ['网络科技', '信息技术', '电子商务', '数字传媒', '软件开发', '直播文化', '大数据服务', '物联网科技'];

export function enterpriseName(rand: () => number, used: Set<string>): string {
  for (;;) {
    const name = `泸州${BRAND[Math.floor(rand() * BRAND.length)]}${TRADE[Math.floor(rand() * TRADE.length)]}有限公司`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
