/** A minimal ustar archive writer: regular files and folders. */
export function writeTar(entries: { name: string; data?: Uint8Array; type?: 'file' | 'directory' }[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  const ascii = (s: string) => new TextEncoder().encode(s);
  for (const { name, data = new Uint8Array(0), type = 'file' } of entries) {
    const header = new Uint8Array(512);
    header.set(ascii(name), 0);
    header.set(ascii('0000644\0'), 100);
    header.set(ascii('0000000\0'), 108);
    header.set(ascii('0000000\0'), 116);
    header.set(ascii(`${data.length.toString(8).padStart(11, '0')}\0`), 124);
    header.set(ascii('00000000000\0'), 136);
    header[156] = (type === 'file' ? '0' : '5').charCodeAt(0);
    header.set(ascii('ustar\x0000'), 257);
    header.fill(0x20, 148, 156);
    const sum = header.reduce((a, b) => a + b, 0);
    header.set(ascii(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
    blocks.push(header);
    const body = new Uint8Array(Math.ceil(data.length / 512) * 512);
    body.set(data);
    blocks.push(body);
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of blocks) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}
