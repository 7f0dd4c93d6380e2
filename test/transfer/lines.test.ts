/**
 * The import's line splitter (src/transfer/lines.ts): lines of a byte stream with at most one line held,
 * a line over the limit failing while its bytes are read — never built into a string.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeBytes, LineTooLongError, MAX_LINE_BYTES, splitLines } from '../../src/transfer/lines.js';

async function lines(chunks: (string | Buffer)[], max?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const line of splitLines(Readable.from(chunks, { objectMode: true }), max)) out.push(line);
  return out;
}

/** Every way of cutting `bytes` into two chunks, and one byte per chunk. */
function cuts(bytes: Buffer): Buffer[][] {
  const out = [[bytes], [...bytes].map((b) => Buffer.from([b]))];
  for (let i = 1; i < bytes.length; i++) out.push([bytes.subarray(0, i), bytes.subarray(i)]);
  return out;
}

async function fails(chunks: AsyncIterable<Buffer | string> | (string | Buffer)[], max: number): Promise<LineTooLongError> {
  const error = await (async () => {
    for await (const _ of splitLines(Array.isArray(chunks) ? Readable.from(chunks, { objectMode: true }) : chunks, max)) { /* drain */ }
  })().then(() => { throw new Error('no error'); }, (e: unknown) => e);
  expect(error).toBeInstanceOf(LineTooLongError);
  return error as LineTooLongError;
}

describe('splitLines', () => {
  it('splits on LF and CRLF, keeps empty lines, needs no final line end', async () => {
    expect(await lines(['a\nb\r\n\nc'])).toEqual(['a', 'b', '', 'c']);
    expect(await lines(['a\n', 'b\r\n'])).toEqual(['a', 'b']);
    expect(await lines(['a\r', '\nb'])).toEqual(['a', 'b']); // CR and LF in different chunks
    expect(await lines([])).toEqual([]);
    expect(await lines([''])).toEqual([]);
    expect(await lines(['\n'])).toEqual(['']);
    expect(await lines(['x\n\n'])).toEqual(['x', '']);
    expect(await lines(['a\rb\n'])).toEqual(['a\rb']); // a lone CR is no line end (JSON whitespace)
    expect(await lines(['a\r\r\n'])).toEqual(['a\r']); // only the CR of the CRLF goes
  });

  it('decodes characters split across chunks whole, at every cut', async () => {
    const text = 'é€😀\n{"name":"Zoë 😀"}\r\nü';
    for (const chunks of cuts(Buffer.from(text, 'utf8'))) {
      expect(await lines(chunks)).toEqual(['é€😀', '{"name":"Zoë 😀"}', 'ü']);
    }
  });

  it('keeps a byte order mark, and decodes invalid UTF-8 to U+FFFD, as readline did', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(await lines([Buffer.concat([bom, Buffer.from('{}\n{}')])])).toEqual(['\uFEFF{}', '{}']);
    expect(await lines([Buffer.from([0x61, 0xff, 0x0a])])).toEqual(['a\uFFFD']);
  });

  it('takes Uint8Array and string chunks', async () => {
    expect(await lines([new Uint8Array([0x61, 0x0a, 0x62]) as Buffer, 'c\nd'])).toEqual(['a', 'bc', 'd']);
  });

  it('accepts a line of exactly the limit (without its line end), and fails one byte over, naming its line', async () => {
    const max = 8;
    for (const end of ['\n', '\r\n', '']) {
      for (const chunks of cuts(Buffer.from(`ok\n${'x'.repeat(max)}${end}`))) expect(await lines(chunks, max)).toEqual(['ok', 'x'.repeat(max)]);
      for (const chunks of cuts(Buffer.from(`ok\n\n${'x'.repeat(max + 1)}${end}next\n`))) {
        const e = await fails(chunks, max);
        expect(e).toMatchObject({ line: 3, limit: max });
        expect(e.message).toBe('line 3 is longer than 8 bytes');
      }
    }
    // Multi-byte characters count as their bytes.
    expect(await lines(['éé'], 4)).toEqual(['éé']);
    expect((await fails(['ééé'], 4)).line).toBe(1);
  });

  it('fails as soon as a line exceeds the limit, holding no more than it: the rest is never read', async () => {
    let read = 0;
    const chunk = Buffer.alloc(1000, 0x61);
    async function* endless() {
      yield Buffer.from('header\n');
      for (;;) { read += chunk.length; yield chunk; }
    }
    const e = await fails(endless(), 10_000);
    expect(e.line).toBe(2);
    expect(read).toBeLessThanOrEqual(11_000);
  });

  it('stops reading its input when the consumer stops: a Readable is destroyed', async () => {
    const input = Readable.from(['a\nb\nc\n']);
    for await (const line of splitLines(input)) if (line === 'a') break;
    expect(input.destroyed).toBe(true);
  });

  it('refuses a limit that is no whole number ≥ 1', async () => {
    await expect(lines(['a'], 0)).rejects.toThrow(RangeError);
  });

  it('describes limits in MiB or KiB when whole', () => {
    expect(describeBytes(MAX_LINE_BYTES)).toBe('16 MiB (16,777,216 bytes)');
    expect(describeBytes(2048)).toBe('2 KiB (2,048 bytes)');
    expect(describeBytes(100)).toBe('100 bytes');
    expect(describeBytes(1)).toBe('1 byte');
  });
});
