import * as l10n from '@vscode/l10n';
import type { Message } from '../../core/src';
import zhBundle from '../../l10n/bundle.l10n.zh-cn.json';

/** The message language follows the client's locale: Chinese for zh*, English otherwise. */
export let zh = true;

export function setLocale(locale: string | undefined): void {
  zh = !locale || locale.toLowerCase().startsWith('zh');
  if (zh) l10n.config({ contents: zhBundle as Record<string, string> });
}

export const t = l10n.t;
export const pick = (m: Message): string => (zh ? m.zh : m.en);
