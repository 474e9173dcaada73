/** The member ledger's choice lists with their Chinese names (zod-free: the browser imports them). */

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export const MEMBER_STATUSES = ['probationary', 'full'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { probationary: '预备党员', full: '正式党员' };

/** 人员类别: how the member is managed. */
export const MOBILITIES = ['regular', 'flowing', 'lost_contact'] as const;
export type Mobility = (typeof MOBILITIES)[number];
export const MOBILITY_LABELS: Record<Mobility, string> = {
  regular: '正常管理',
  flowing: '流动党员',
  lost_contact: '失联党员',
};

export const EDUCATIONS = ['doctor', 'master', 'bachelor', 'college', 'secondary', 'high_school', 'junior_or_below'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const EDUCATION_LABELS: Record<Education, string> = {
  doctor: '博士研究生',
  master: '硕士研究生',
  bachelor: '大学本科',
  college: '大学专科',
  secondary: '中专/中技',
  high_school: '高中',
  junior_or_below: '初中及以下',
};

/** 重点人才: the three flags the development pipeline and the city's talent list read. */
export const TALENT_FLAGS = ['industryLeader', 'founder', 'keyDeptHead'] as const;
export type TalentFlag = (typeof TALENT_FLAGS)[number];
export const TALENT_LABELS: Record<TalentFlag, string> = {
  industryLeader: '行业领军人才',
  founder: '创业者',
  keyDeptHead: '重点部门负责人',
};

export const ARCHIVE_REASONS = ['left', 'deceased', 'transferred'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];
export const ARCHIVE_REASON_LABELS: Record<ArchiveReason, string> = {
  left: '出党',
  deceased: '去世',
  transferred: '组织关系转出',
};

export const AGE_BANDS = ['to30', '31to40', '41to50', '51to60', 'over60'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  to30: '30岁及以下',
  '31to40': '31—40岁',
  '41to50': '41—50岁',
  '51to60': '51—60岁',
  over60: '61岁及以上',
};
/** Inclusive age bounds of each band. */
export const AGE_BAND_BOUNDS: Record<AgeBand, [number, number | null]> = {
  to30: [0, 30],
  '31to40': [31, 40],
  '41to50': [41, 50],
  '51to60': [51, 60],
  over60: [61, null],
};

/** The 56 ethnic groups (GB 3304), stored by name. */
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;

/** Field names as party affairs workers say them: error messages and the history name fields with these. */
export const MEMBER_FIELD_LABELS = {
  orgId: '所在党组织',
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idNumber: '身份证号',
  phone: '联系电话',
  education: '学历',
  employerName: '工作单位',
  enterpriseId: '工作单位来源',
  position: '职务',
  joinedOn: '入党时间',
  fullOn: '转正时间',
  status: '党员状态',
  mobility: '人员类别',
  talents: '重点人才',
  remarks: '备注',
} as const;
export type MemberField = keyof typeof MEMBER_FIELD_LABELS;
