import { pinyinKeys } from '../../apps/server/src/modules/orgs/pinyin.js';

/** Seeded PRNG: the demo world's, so the same --orgs gives the same tree. */
export { prng } from '../../apps/server/src/demo/names.js';

export interface Named {
  name: string;
  pinyin: string;
  initials: string;
}

// Names are glued from a few hundred parts; each part's pinyin is computed once (pinyin-pro per name is too slow at 10^5).
const cache = new Map<string, { full: string; initials: string }>();
function keysOf(part: string) {
  let k = cache.get(part);
  if (!k) {
    k = pinyinKeys(part);
    cache.set(part, k);
  }
  return k;
}

/** Glues parts (plain strings, cached, or names already composed) into one name with its search keys. */
export function compose(parts: readonly (string | Named)[]): Named {
  let name = '';
  let pinyin = '';
  let initials = '';
  for (const p of parts) {
    const k = typeof p === 'string' ? keysOf(p) : { full: p.pinyin, initials: p.initials };
    name += typeof p === 'string' ? p : p.name;
    pinyin += k.full;
    initials += k.initials;
  }
  return { name, pinyin, initials };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢'];
const GIVEN = [...'建国红梅志强思远晓燕华丽娟海涛文静明辉玉兰小龙雪春永刚秀英俊杰佳怡子涵浩然雨欣宇航诗琪博梓萱晨曦嘉豪'];

export function personName(rand: () => number): Named {
  const parts = [pick(rand, SURNAMES), pick(rand, GIVEN)];
  if (rand() < 0.65) parts.push(pick(rand, GIVEN));
  return compose(parts);
}

export const DISTRICTS = ['江阳区', '龙马潭区', '纳溪区', '泸县', '合江县', '叙永县', '古蔺县'] as const;
const BRAND = [...'星河蓝鲸川南沱江凤凰云帆数智长源玉蟾方山尧坝佛宝黄荆赤水天宫锦绣金鼎华信恒达'];
const TRADE = ['网络科技', '信息技术', '电子商务', '数字传媒', '软件开发', '直播文化', '大数据服务', '物联网科技'];
const PARK = ['电子商务产业园', '软件与信息服务产业园', '数字经济产业园', '直播电商基地', '大数据产业园', '创新创业园'];
const TEAM = ['研发', '运营', '市场', '客服', '技术', '综合', '产品', '数据'];
const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const cityName = () => compose(['中共泸州市', '互联网行业委员会']);
export const districtName = (d: string) => compose(['中共泸州市', d, '互联网行业委员会']);

export function parkName(rand: () => number, district: string, n: number): Named {
  return compose([district, pick(rand, PARK), String(n), '号园区党委']);
}

export function companyName(rand: () => number): Named {
  return compose(['泸州', pick(rand, BRAND), pick(rand, BRAND), pick(rand, TRADE), '有限公司']);
}

export const generalBranchName = (company: Named) => compose([company, '党总支']);
export const branchName = (company: Named) => compose([company, '党支部']);
export const jointBranchName = (district: string, n: number) => compose([district, '互联网企业第', String(n), '联合党支部']);
export const groupName = (rand: () => number, i: number) => compose([pick(rand, TEAM), '第', NUMBERS[i % 10]!, '党小组']);
