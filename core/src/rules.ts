import type { RuleCode, Severity } from './model';

export interface RuleInfo { code: RuleCode; severity: Severity; summary: { zh: string; en: string } }

/** Every rule, its default severity and a one-line summary; `docs/rules/<code>.md` documents each. */
export const RULES: RuleInfo[] = [
  { code: 'row-sum', severity: 'error', summary: { zh: '依申请表每行总计等于各类申请人之和', en: 'Each requests row total equals the sum of its applicant columns' } },
  { code: 'column-sum', severity: 'error', summary: { zh: '（七）总计等于各办理结果之和', en: 'Row (7) total equals the sum of the handling results' } },
  { code: 'balance', severity: 'error', summary: { zh: '第一项加第二项之和等于第三项加第四项之和', en: 'New + carried = handled + carried over' } },
  { code: 'appeals-sum', severity: 'error', summary: { zh: '复议、诉讼各组总计等于其各项之和', en: 'Each review/lawsuit group total equals its parts' } },
  { code: 'missing-section', severity: 'error', summary: { zh: '缺少六个部分之一', en: 'One of the six sections is missing' } },
  { code: 'section-order', severity: 'error', summary: { zh: '部分编号有误、重复或顺序错乱', en: 'A section is misnumbered, duplicated or out of order' } },
  { code: 'missing-table', severity: 'error', summary: { zh: '部分中缺少统计表', en: 'A section has no statistics table' } },
  { code: 'missing-row', severity: 'error', summary: { zh: '统计表缺少行', en: 'A table row is missing' } },
  { code: 'malformed-row', severity: 'error', summary: { zh: '行的单元格数量不对或无法分开', en: 'A row has the wrong number of cells or cells that cannot be separated' } },
  { code: 'uncertain-cells', severity: 'warning', summary: { zh: '表中有单元格无法从原文唯一确定，相关合计不予核对', en: 'Some cells of a table cannot be read for certain; sums over them are not checked' } },
  { code: 'text-table-mismatch', severity: 'warning', summary: { zh: '正文引用的数字与统计表不符', en: 'A number quoted in the text does not match the tables' } },
  { code: 'report-date', severity: 'information', summary: { zh: '报告年度、统计期限、成文日期或发布期限不一致', en: 'The report year, period, date or publication deadline do not agree' } },
  { code: 'year-continuity', severity: 'warning', summary: { zh: '上年结转与上年报告的结转下年度不一致', en: "Carried over from last year differs from last year's report" } },
  { code: 'copied-text', severity: 'warning', summary: { zh: '正文部分与上年报告内容雷同', en: "A narrative section is nearly the same as last year's" } },
  { code: 'township-rules', severity: 'warning', summary: { zh: '乡镇、街道报告的规章一行不为 0', en: 'A township report with rules (规章) made' } },
  { code: 'fee-confusion', severity: 'warning', summary: { zh: '行政事业性收费一行填的是正文所说收取的信息处理费', en: 'The administrative-fees row holds the information-processing fee the text says was charged' } },
  { code: 'invalid-number', severity: 'error', summary: { zh: '应为数字处不是有效数字', en: 'A cell that should hold a number does not' } },
  { code: 'blank-cell', severity: 'warning', summary: { zh: '单元格为空（空不等于 0）', en: 'A cell is blank (blank is not zero)' } },
  { code: 'outdated-template', severity: 'warning', summary: { zh: '2021 年及以后的报告使用了 2019 年试行格式', en: 'A 2021-or-later report uses the 2019 trial format' } },
  { code: 'not-a-report', severity: 'warning', summary: { zh: '文件中没有找到年报（空文件、二进制文件或其他文本）', en: 'No report found in the file (empty, binary or other text)' } },
  { code: 'invalid-directive', severity: 'error', summary: { zh: '行内关闭指令写错：未知的指令或规则代码', en: 'An inline disable comment names an unknown directive or rule code' } },
  { code: 'unused-directive', severity: 'warning', summary: { zh: '行内关闭指令没有抑制任何问题（仅在开启 reportUnusedDisableDirectives 时报告）', en: 'An inline disable comment suppressed nothing (reported only with reportUnusedDisableDirectives)' } },
];
