/** Lines of a text by offset: a line ends before `\n`, `\r\n` or a lone `\r`. */

export const isBreak = (c: number) => c === 10 || c === 13;

/** The start of the line holding offset `i`. */
export function lineStartOf(text: string, i: number): number {
  while (i > 0 && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The end of the line holding offset `i` (before its break). */
export function lineEndOf(text: string, i: number): number {
  while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

/** The start of the line after the one ending (at its break) at `e`, or -1 when none follows. */
export function nextLineStart(text: string, e: number): number {
  if (e >= text.length) return -1;
  return text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
}
