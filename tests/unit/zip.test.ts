import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zip } from '../../src/epub/zip';

const modified = new Date('2026-03-07T21:45:30Z');
const text = (value: string) => Buffer.from(value, 'utf8');
const entries = [
  { path: 'mimetype', bytes: text('application/epub+zip'), compress: false },
  { path: 'OEBPS/chapters/第一章.xhtml', bytes: text('<p>夜の灯台。</p>'.repeat(500)), compress: true },
  { path: 'OEBPS/empty.txt', bytes: new Uint8Array(0), compress: true },
  { path: 'OEBPS/pictures/cover.jpg', bytes: Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256), compress: false },
];

describe('the zip writer', () => {
  it('gives back every file byte for byte through another reader, names in any script', () => {
    const files = unzipSync(zip(entries, modified));
    expect(Object.keys(files)).toEqual(entries.map((entry) => entry.path));
    for (const entry of entries) expect(Buffer.from(files[entry.path]!).equals(Buffer.from(entry.bytes))).toBe(true);
  });

  it('stores the first file uncompressed at the start, as EPUB requires, and compresses text', () => {
    const bytes = Buffer.from(zip(entries, modified));
    expect(bytes.subarray(30, 38).toString()).toBe('mimetype');
    expect(bytes.subarray(38, 58).toString()).toBe('application/epub+zip');
    expect(bytes.length).toBeLessThan(4000 + 2000);
  });

  it('gives the same bytes for the same files, in any time zone, dated as given', () => {
    expect(Buffer.from(zip(entries, modified)).equals(Buffer.from(zip(entries, modified)))).toBe(true);
    const bytes = Buffer.from(zip(entries, modified));
    const time = bytes.readUInt16LE(10);
    const date = bytes.readUInt16LE(12);
    expect([time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([21, 45, 30]);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2026, 3, 7]);
  });

  it('is an archive unzip reads without a warning', () => {
    let unzip: string | undefined;
    try {
      unzip = execFileSync('which', ['unzip'], { encoding: 'utf8' }).trim();
    } catch {
      return; // no unzip here: the reader above and epubcheck (the build tests) check it
    }
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    try {
      writeFileSync(join(dir, 'a.zip'), zip(entries, modified));
      expect(execFileSync(unzip, ['-t', join(dir, 'a.zip')], { encoding: 'utf8' })).toMatch(/No errors detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
