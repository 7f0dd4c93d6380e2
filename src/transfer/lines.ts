/**
 * Splits a byte stream into lines, holding at most one line's bytes at a time: a line longer than the
 * limit fails as soon as its bytes exceed it, before its text is ever built (readline would build it
 * whole, and a line of hundreds of MB either exhausts memory or overflows V8's largest string).
 *
 * Lines end at '\n'; a '\r' before it is dropped (CRLF), a lone '\r' is kept (it is JSON whitespace).
 * The last line needs no '\n', and an empty input, or a final '\n', yields no empty line after it.
 * Lines are split as bytes ('\n' never occurs inside a multi-byte UTF-8 sequence) and then decoded, so
 * a character split across chunks decodes whole; invalid UTF-8 decodes to U+FFFD, and a byte order mark
 * is kept (as readline did: an export has none, so a file with one is not an export as written).
 */

/** Bytes a line may hold (without its line end) unless told otherwise: far more than a record needs. */
export const MAX_LINE_BYTES = 16 * 2 ** 20;

/** A line longer than the limit (in bytes, without its line end). */
export class LineTooLongError extends Error {
  override name = 'LineTooLongError';
  constructor(readonly line: number, readonly limit: number) {
    super(`line ${line} is longer than ${describeBytes(limit)}`);
  }
}

/** 16777216 → "16 MiB (16,777,216 bytes)"; a limit that is no whole number of MiB or KiB in bytes only. */
export function describeBytes(n: number): string {
  const exact = n.toLocaleString('en-US');
  if (n >= 2 ** 20 && n % 2 ** 20 === 0) return `${n / 2 ** 20} MiB (${exact} bytes)`;
  if (n >= 2 ** 10 && n % 2 ** 10 === 0) return `${n / 2 ** 10} KiB (${exact} bytes)`;
  return `${exact} byte${n === 1 ? '' : 's'}`;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The lines of `input` (Buffers, or strings taken as UTF-8), in order; line numbers are 1-based and
 * count every line, empty ones included. Throws LineTooLongError naming the first line over `maxLineBytes`.
 * Returning early (break, or the consumer's return()) ends the iteration of `input`, which destroys a Readable.
 */
export async function* splitLines(
  input: AsyncIterable<Buffer | Uint8Array | string>,
  maxLineBytes: number = MAX_LINE_BYTES,
): AsyncGenerator<string, void, undefined> {
  if (!Number.isInteger(maxLineBytes) || maxLineBytes < 1) throw new RangeError(`maxLineBytes must be a whole number ≥ 1, got ${maxLineBytes}`);
  /** The current line's bytes so far (parts of earlier chunks), and how many. */
  let parts: Buffer[] = [];
  let held = 0;
  let line = 1;

  /** The text of a complete line made of `parts` and `tail`; checks its length without its CR. */
  const finish = (tail: Buffer): string => {
    let bytes = parts.length === 0 ? tail : Buffer.concat([...parts, tail], held + tail.length);
    parts = [];
    held = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes.length > maxLineBytes) throw new LineTooLongError(line, maxLineBytes);
    return bytes.toString('utf8');
  };

  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8')
      : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (;;) {
      const end = buffer.indexOf(LF, start);
      if (end === -1) break;
      const text = finish(buffer.subarray(start, end));
      start = end + 1;
      yield text;
      line++;
    }
    if (start < buffer.length) {
      const rest = buffer.subarray(start);
      // Over the limit even if a CR and LF come next: fail now rather than hold more.
      if (held + rest.length > maxLineBytes + 1) throw new LineTooLongError(line, maxLineBytes);
      // A copy when the rest is a small part of a big chunk, so that the chunk itself can be freed.
      parts.push(rest.length < buffer.length / 2 ? Buffer.from(rest) : rest);
      held += rest.length;
    }
  }
  if (held > 0) yield finish(Buffer.alloc(0));
}
