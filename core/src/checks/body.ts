import { normalizeText } from '../text/normalize';

/**
 * The body a report's title names, normalised (simplified, no spaces, pinyin junk and an archive's
 * `标题:` dropped): the words before its year — `莆田市城市管理局2024年度…` → `莆田市城市管理局`.
 * Null without a title or a name of two characters at least.
 */
export function bodyOf(title: string | null): string | null {
  if (!title) return null;
  // Two checks ask for the same report's body in turn: the last answer is kept.
  if (title === lastTitle) return lastBody;
  const body = normalizeText(title).replace(/^标题:/, '').split(/(?:19|20)\d\d|关于/)[0];
  lastTitle = title;
  lastBody = body.length >= 2 ? body : null;
  return lastBody;
}
let lastTitle: string | null = null, lastBody: string | null = null;

/** A township or street office: not a 县级以上 body (article 49), and no power to make 规章. */
export const isTownship = (body: string | null) => !!body && /(?:乡|镇|街道|街道办事处|社区|村)(?:人民政府)?$/.test(body);
