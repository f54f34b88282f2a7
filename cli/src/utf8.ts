import * as nodeBuffer from 'node:buffer';
import type { Utf8Decoder } from '../../core/src';

/**
 * UTF-8 → text the fast way on Node: the bytes validated natively (`buffer.isUtf8`), then converted
 * to UTF-16 by the platform's converter (`buffer.transcode`, ICU) and read as a string. On Node 20
 * a fatal `TextDecoder` takes several times as long for the same result (see docs/performance.md).
 * Undefined on a Node built without ICU (no `transcode`): `decodeBytes` then uses `TextDecoder`.
 */
const { isUtf8, transcode } = nodeBuffer;
export const nodeUtf8: Utf8Decoder | undefined = typeof isUtf8 === 'function' && typeof transcode === 'function'
  ? b => (isUtf8(b) ? transcode(b, 'utf8', 'utf16le').toString('utf16le') : null)
  : undefined;
