import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** C0 and C1 controls and DEL, and the line and paragraph separators: what would break or forge a line of output. */
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/**
 * A path as the text output prints it: as the user gave it, with control characters (a newline in a
 * file name, an escape sequence) written as `\n`, `\xNN` or `\uNNNN`, and a backslash before them
 * doubled, so one line is one finding and nothing reaches the terminal raw.
 */
export function shownPath(p: string): string {
  if (p.search(CONTROL) < 0) return p;
  return p.replace(/\\/g, '\\\\').replace(CONTROL, c => NAMED[c] ?? (c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * A path as a SARIF `artifactLocation.uri`: relative to the working folder (each segment
 * percent-encoded: spaces, `#`, `%`, Chinese) when it is inside it, else an absolute `file:` URI.
 */
export function sarifUri(p: string): string {
  const rel = path.relative(process.cwd(), path.resolve(p));
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).map(encodeURIComponent).join('/');
  return pathToFileURL(path.resolve(p)).href;
}
