import * as l10n from '@vscode/l10n';
import type { Message } from '../../core/src';
import zhBundle from '../../l10n/bundle.l10n.zh-cn.json';

/** The message language follows the client's locale (Chinese for zh*, English otherwise), or setting nianbao.messageLanguage. */
export let zh = true;

let clientLocale: string | undefined;
let configured = false;

export function setLocale(locale: string | undefined): void {
  clientLocale = locale;
  apply(!locale || locale.toLowerCase().startsWith('zh'));
}

/** Setting nianbao.messageLanguage: `zh-CN` or `en` whatever the editor's language, `auto` back to it. */
export function useMessageLanguage(lang: 'auto' | 'zh-CN' | 'en'): void {
  apply(lang === 'auto' ? !clientLocale || clientLocale.toLowerCase().startsWith('zh') : lang === 'zh-CN');
}

function apply(chinese: boolean): void {
  if (chinese === zh && configured) return;
  zh = chinese;
  configured = true;
  l10n.config({ contents: zh ? (zhBundle as Record<string, string>) : {} });
}

export const t = l10n.t;
export const pick = (m: Message): string => (zh ? m.zh : m.en);
