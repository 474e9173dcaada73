import type { ImportKind } from '../member-import/kind';
import { importMessages } from '../member-import/messages';

/** The import wizard's wording for the enterprise registry (the steps and limits are the ledger's). */
export const ENTERPRISE_IMPORT: ImportKind = {
  base: '/api/enterprises/import',
  m: {
    ...importMessages,
    title: '导入企业名录',
    back: '返回企业名录',
    templateTitle: '第一步：按模板整理企业名录',
    templateIntro:
      '请使用导入模板整理企业名录。已有自己的名录也可以直接上传，系统会识别常见的列名（如「信用代码」「员工人数」「法人」）。',
    templatePoints: [
      '红色列标题为必填：企业名称、统一社会信用代码、所属区县。',
      '统一社会信用代码按国家标准校验；全角字符和小写字母会自动转换，但代码中不使用字母 I、O、Z、S、V。',
      '所属区县、所属园区、覆盖党组织请填写系统中党委、党支部的全称；覆盖党组织留空即为未覆盖。',
      '有无固定经营场所填「有」或「无」；经营状态填「在营」「停业」或「注销」，留空为在营。',
    ],
    haveFile: '已有名录，去上传',
    uploadTitle: '第二步：上传企业名录文件',
    cleanTitle: (n: number) => `校验通过：${n} 家企业，没有发现问题`,
    name: '企业名称',
    confirmCount: '导入企业数',
    confirmNote: '确认后一次性写入全部企业：全部成功，或者（遇到问题时）一家都不写入。',
    confirm: (n: number) => `确认导入 ${n} 家企业`,
    doneTitle: (n: number) => `已导入 ${n} 家企业`,
    doneSub: (file: string) => `来自「${file}」。`,
    toList: '查看企业名录',
    noPermission: '您没有导入企业名录的权限',
  },
};
