import { crc32, deflateRawSync } from 'node:zlib';

/** A file to put in a zip: its path in the archive, its bytes, and whether to compress them. */
export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
  /** Deflate at zlib's default level (6); stored as they are when false (the EPUB's mimetype, pictures already compressed). */
  compress: boolean;
}

/**
 * Writes a zip archive of `entries`, in their order, each dated `modified` (in UTC, so the
 * same entries give the same bytes on any machine). Node's own zlib compresses: the
 * EPUB of a long serial is megabytes of XHTML, which it deflates in well under half the time
 * a JavaScript deflate takes. No ZIP64: an archive past 4 GB is refused.
 */
export function zip(entries: readonly ZipEntry[], modified: Date): Uint8Array {
  const time = (modified.getUTCHours() << 11) | (modified.getUTCMinutes() << 5) | (modified.getUTCSeconds() >> 1);
  // DOS dates start in 1980.
  const date = ((Math.max(modified.getUTCFullYear(), 1980) - 1980) << 9) | ((modified.getUTCMonth() + 1) << 5) | modified.getUTCDate();
  if (entries.length > 0xffff) throw new Error('The EPUB would hold over 65,535 files, past what a zip without ZIP64 holds');
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const data = entry.compress ? deflateRawSync(entry.bytes, { level: 6 }) : entry.bytes;
    // Bit 11: the name is UTF-8 (a chapter's file name may be in any script).
    const flags = /^[\x20-\x7e]*$/.test(entry.path) ? 0 : 0x800;
    const fields = {
      version: 20,
      flags,
      method: entry.compress ? 8 : 0,
      time,
      date,
      crc: crc32(entry.bytes),
      compressed: data.length,
      size: entry.bytes.length,
    };
    const local = header(30);
    local.setUint32(0, 0x04034b50, true);
    common(local, 4, fields, name.length);
    chunks.push(new Uint8Array(local.buffer), name, data);

    const record = header(46);
    record.setUint32(0, 0x02014b50, true);
    record.setUint16(4, 20, true); // made by: MS-DOS attributes, zip 2.0
    common(record, 6, fields, name.length);
    record.setUint32(42, offset, true);
    central.push(new Uint8Array(record.buffer), name);
    offset += 30 + name.length + data.length;
    if (offset > 0xffffffff) throw new Error('The EPUB would be over 4 GB, past what a zip without ZIP64 holds');
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = header(22);
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

const header = (length: number) => new DataView(new ArrayBuffer(length));

/** The fields a local header and a central directory record share, from `at` on (the central record adds the rest). */
function common(
  view: DataView,
  at: number,
  fields: { version: number; flags: number; method: number; time: number; date: number; crc: number; compressed: number; size: number },
  nameLength: number,
): void {
  view.setUint16(at, fields.version, true);
  view.setUint16(at + 2, fields.flags, true);
  view.setUint16(at + 4, fields.method, true);
  view.setUint16(at + 6, fields.time, true);
  view.setUint16(at + 8, fields.date, true);
  view.setUint32(at + 10, fields.crc, true);
  view.setUint32(at + 14, fields.compressed, true);
  view.setUint32(at + 18, fields.size, true);
  view.setUint16(at + 22, nameLength, true);
  // extra field length 0 (and, in the central record, comment, disk, attributes 0)
}
