import type { SectionSpec } from './types';

/** The six sections of every report (both formats), with the heading wordings seen in real files. */
export const SECTIONS: SectionSpec[] = [
  { number: 1, headings: ['总体情况'], wordings: ['总体情况', '概述', '基本情况'], title: { zh: '总体情况', en: 'Overview' } },
  {
    number: 2, headings: ['(?:行政机关)?主动公开政府信息(?:的)?情况'], wordings: ['主动公开政府信息情况'],
    title: { zh: '主动公开政府信息情况', en: 'Proactive disclosure' }, table: 'active', tableWords: ['第二十条'],
  },
  {
    number: 3, headings: ['(?:行政机关)?收到和处理政府信息公开申请(?:的)?情况'], wordings: ['收到和处理政府信息公开申请情况', '政府信息依申请公开情况'],
    title: { zh: '收到和处理政府信息公开申请情况', en: 'Requests received and handled' }, table: 'requests', tableWords: ['本年新收', '结转下年度'],
  },
  {
    number: 4,
    headings: ['(?:因)?政府信息公开(?:工作)?(?:被申请)?行政复议[、与和及]?(?:提起)?行政诉讼(?:的)?情况'],
    wordings: ['政府信息公开行政复议行政诉讼情况', '因政府信息公开工作被申请行政复议提起行政诉讼情况'],
    title: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative reviews and lawsuits' }, table: 'appeals', tableWords: ['结果维持'],
  },
  {
    number: 5, headings: ['(?:政府信息公开工作)?存在的主要问题及改进情况'], wordings: ['存在的主要问题及改进情况', '存在的主要问题及改进措施'],
    title: { zh: '存在的主要问题及改进情况', en: 'Problems and improvements' },
  },
  { number: 6, headings: ['其他需要报告的事项'], wordings: ['其他需要报告的事项', '需要说明的其他事项'], title: { zh: '其他需要报告的事项', en: 'Other matters' } },
];

export const NUMERALS = '一二三四五六七八九十';
