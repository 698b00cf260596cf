// 事故报告文案（简体中文）。
import type { reportEn } from './report-en';

export const reportZhCN: Record<keyof typeof reportEn, string> = {
  'report.title': '事故报告',
  'report.answer': '结论',
  'report.findings': '发现',
  'report.noFindings': '该数据包没有触发任何规则。',
  'report.snapshots': '快照',
  'report.files': '导入的文件',
  'report.evidence': '证据',
  'report.advice': '建议',
  'report.findings.new': '新出现',
  'report.findings.resolved': '已消失',
  'report.findings.persisting': '仍存在',
};
