import type { CommitteeLevel, OrgKind } from '@tongxin/contracts';

/** The Luzhou "1+7+N" demo world: real city and districts, fictional parks, associations and enterprises. */
export interface DemoOrg {
  key: string;
  name: string;
  kind: OrgKind;
  level?: CommitteeLevel;
  children?: DemoOrg[];
  /** Number of members to seed (branches only). */
  members?: number;
}

const b = (key: string, name: string, members: number, children?: DemoOrg[]): DemoOrg => ({
  key,
  name,
  kind: 'branch',
  members,
  ...(children ? { children } : {}),
});
const jb = (key: string, name: string, members: number): DemoOrg => ({ key, name, kind: 'joint_branch', members });
const park = (key: string, name: string, children: DemoOrg[]): DemoOrg => ({
  key,
  name,
  kind: 'committee',
  level: 'park',
  children,
});
const district = (key: string, name: string, children: DemoOrg[]): DemoOrg => ({
  key,
  name,
  kind: 'committee',
  level: 'district',
  children,
});
const group = (key: string, name: string): DemoOrg => ({ key, name, kind: 'group' });

export const DEMO_WORLD: DemoOrg = {
  key: 'city',
  name: '中共泸州市互联网行业委员会',
  kind: 'committee',
  level: 'city',
  children: [
    district('jiangyang', '中共泸州市江阳区互联网行业委员会', [
      park('jy-park', '江阳区电子商务产业园党委', [
        b('jy-yunzhi', '泸州云智科技有限公司党支部', 48, [
          group('jy-yunzhi-g1', '研发第一党小组'),
          group('jy-yunzhi-g2', '运营党小组'),
        ]),
        b('jy-jiucheng', '酒城数字传媒有限公司党支部', 26),
        jb('jy-joint1', '江阳区电商园区第一联合党支部', 21),
      ]),
      b('jy-wangxie', '江阳区网络行业协会党支部', 15),
      b('jy-zhangba', '泸州张坝网络文化有限公司党支部', 4),
      jb('jy-joint2', '江阳区自媒体从业人员联合党支部', 24),
    ]),
    district('longmatan', '中共泸州市龙马潭区互联网行业委员会', [
      park('lmt-park', '龙马潭区软件与信息服务产业园党委', [
        b('lmt-changjiang', '泸州长江云数据有限公司党支部', 56),
        b('lmt-xinchuang', '龙马潭区信创软件有限公司党支部', 33),
        jb('lmt-joint1', '龙马潭区软件园联合党支部', 18),
      ]),
      b('lmt-shanghui', '龙马潭区网商协会党支部', 12),
    ]),
    district('naxi', '中共泸州市纳溪区互联网行业委员会', [
      b('nx-chaye', '纳溪区特早茶电商服务中心党支部', 19),
      jb('nx-joint1', '纳溪区互联网企业联合党支部', 25),
    ]),
    district('luxian', '中共泸县互联网行业委员会', [
      b('lx-longcheng', '泸县龙城网络科技有限公司党支部', 22),
      jb('lx-joint1', '泸县数字经济联合党支部', 17),
    ]),
    district('hejiang', '中共合江县互联网行业委员会', [
      b('hj-lizhi', '合江荔枝电商运营有限公司党支部', 28),
      jb('hj-joint1', '合江县网络直播联合党支部', 14),
    ]),
    district('xuyong', '中共叙永县互联网行业委员会', [
      b('xy-yunshang', '叙永云上文旅网络有限公司党支部', 3),
      jb('xy-joint1', '叙永县互联网从业人员联合党支部', 16),
    ]),
    district('gulin', '中共古蔺县互联网行业委员会', [
      b('gl-langjiu', '古蔺郎酒数字营销有限公司党支部', 35),
      jb('gl-joint1', '古蔺县电商企业联合党支部', 11),
    ]),
  ],
};

export const DEMO_PASSWORD = 'Tongxin@2026';

/** One demo account per role, printed at start. */
export const DEMO_ACCOUNTS = [
  { username: 'city_admin', displayName: '王建国', role: 'committee_admin', org: 'city', reach: 'subtree' },
  { username: 'jiangyang_admin', displayName: '李红梅', role: 'committee_admin', org: 'jiangyang', reach: 'subtree' },
  { username: 'longmatan_admin', displayName: '周海涛', role: 'committee_admin', org: 'longmatan', reach: 'subtree' },
  { username: 'secretary', displayName: '张志强', role: 'secretary', org: 'jy-yunzhi', reach: 'subtree' },
  { username: 'instructor', displayName: '陈思远', role: 'instructor', org: 'jy-park', reach: 'subtree' },
  { username: 'member', displayName: '刘晓燕', role: 'member', org: 'jy-yunzhi', reach: 'org' },
  { username: 'enterprise', displayName: '赵国华', role: 'enterprise_contact', org: 'jy-jiucheng', reach: 'org' },
  { username: 'sysadmin', displayName: '系统管理员', role: 'system_admin', org: null, reach: 'subtree' },
  { username: 'secadmin', displayName: '安全管理员', role: 'security_admin', org: null, reach: 'subtree' },
  { username: 'auditor', displayName: '审计管理员', role: 'audit_admin', org: null, reach: 'subtree' },
] as const;

export const ROLE_HINTS: Record<string, string> = {
  city_admin: '市互联网行业党委管理员（全市）',
  jiangyang_admin: '江阳区行业党委管理员（仅江阳区）',
  longmatan_admin: '龙马潭区行业党委管理员（仅龙马潭区）',
  secretary: '泸州云智科技有限公司党支部书记',
  instructor: '江阳区电子商务产业园党建指导员',
  member: '党员',
  enterprise: '企业联络员',
  sysadmin: '系统管理员（三员）',
  secadmin: '安全管理员（三员）',
  auditor: '审计管理员（三员）',
};
