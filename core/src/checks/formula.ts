import type { Cell, Message } from '../model';
import { cellOf, type Evaluated } from './relations';

function shown(c: Cell, lang: 'zh' | 'en'): string {
  if (c.kind === 'number') return c.value!;
  if (c.kind === 'blank') return lang === 'zh' ? '（空）' : '(blank)';
  return c.text || '/';
}

/** The relation written out with its numbers: `总计 = 8 + 1 + 0 = 9，表中为 8`. */
export function formulaOf(e: Evaluated): Message {
  const parts = (keys: string[], lang: 'zh' | 'en') => keys.map(k => shown(cellOf(e, k), lang)).join(' + ');
  const { spec } = e;
  if (spec.code === 'balance') {
    return {
      zh: `第一项 + 第二项 = ${parts(spec.left, 'zh')} = ${e.left}；第三项 + 第四项 = ${parts(spec.right, 'zh')} = ${e.right}`,
      en: `items 1 + 2 = ${parts(spec.left, 'en')} = ${e.left}; items 3 + 4 = ${parts(spec.right, 'en')} = ${e.right}`,
    };
  }
  const total = cellOf(e, spec.left[0]);
  return {
    zh: `${spec.names.zh} = ${parts(spec.right, 'zh')} = ${e.right}，表中为 ${shown(total, 'zh')}`,
    en: `${spec.names.en} = ${parts(spec.right, 'en')} = ${e.right}, the table says ${shown(total, 'en')}`,
  };
}

export function joinMessages(ms: Message[], zhSep = '；', enSep = '; '): Message {
  return { zh: ms.map(m => m.zh).join(zhSep), en: ms.map(m => m.en).join(enSep) };
}
