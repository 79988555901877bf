export interface TarEntry {
  /** Path inside the archive, e.g. `cifar-10-batches-bin/test_batch.bin`. */
  name: string;
  /** `file`, `directory`, or `other` (links, devices, …). */
  type: 'file' | 'directory' | 'other';
  data: Uint8Array;
}

const block = 512;

/**
 * The entries of an uncompressed tar archive (ustar, GNU and pax variants; GNU long names and
 * pax `path` records are honoured). `file` names the archive in errors.
 *
 *   readTar(gunzipSync(archive), 'cifar-10-binary.tar.gz').filter((e) => e.type === 'file');
 */
export function readTar(bytes: Uint8Array, file = 'archive'): TarEntry[] {
  const entries: TarEntry[] = [];
  let nextName: string | null = null;
  let offset = 0;
  while (offset + block <= bytes.length) {
    const header = bytes.subarray(offset, offset + block);
    if (header.every((b) => b === 0)) return entries; // end-of-archive marker
    checkChecksum(header, file, offset);
    const size = octal(header, 124, 12);
    const typeflag = String.fromCharCode(header[156] || 0x30);
    const dataStart = offset + block;
    if (dataStart + size > bytes.length) {
      throw new Error(`${file}: is truncated (entry at byte ${offset} needs ${size} bytes, ${bytes.length - dataStart} left)`);
    }
    const data = bytes.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / block) * block;

    if (typeflag === 'L') {
      nextName = text(data, 0, data.length);
      continue;
    }
    if (typeflag === 'x') {
      nextName = paxPath(data) ?? nextName;
      continue;
    }
    if (typeflag === 'g') continue;
    const prefix = isUstar(header) ? text(header, 345, 155) : '';
    const name = nextName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    nextName = null;
    const type = typeflag === '0' || typeflag === '7' ? 'file' : typeflag === '5' ? 'directory' : 'other';
    entries.push({ name, type, data });
  }
  throw new Error(`${file}: is truncated (no end-of-archive marker after ${entries.length} entries)`);
}

function checkChecksum(header: Uint8Array, file: string, offset: number): void {
  const stored = octal(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < block; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  if (sum !== stored) throw new Error(`${file}: bad tar header checksum at byte ${offset} (${stored}, computed ${sum})`);
}

function octal(bytes: Uint8Array, start: number, length: number): number {
  const field = text(bytes, start, length).trim();
  const value = field === '' ? 0 : parseInt(field, 8);
  if (!Number.isFinite(value)) throw new Error(`tar: bad octal field "${field}"`);
  return value;
}

function text(bytes: Uint8Array, start: number, length: number): string {
  const field = bytes.subarray(start, start + length);
  const end = field.indexOf(0);
  return new TextDecoder().decode(end >= 0 ? field.subarray(0, end) : field);
}

function isUstar(header: Uint8Array): boolean {
  return text(header, 257, 5) === 'ustar';
}

/** The `path` of a pax extended header ("<len> path=<value>\n" records). */
function paxPath(data: Uint8Array): string | null {
  for (const record of new TextDecoder().decode(data).split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match) return match[1];
  }
  return null;
}
