import { zipSync, type ZipAttributes } from 'fflate';
import { pickleStateDict } from './pickleStateDict.js';
import { encodeElements, type RawTensor } from './rawTensor.js';

/** torch.save aligns each entry's data to 64 bytes (so storages can be memory-mapped). */
const ALIGNMENT = 64;
const LOCAL_HEADER_BYTES = 30;
/** The extra-field id torch's writer pads with ("FB"). */
const PADDING_FIELD = 0x4246;
/** A fixed time stamp, so that the same weights give the same bytes. */
const MTIME = new Date(1980, 0, 1);

/**
 * A `.pth` file as `torch.save(state_dict, path)` writes it: a zip of `archive/data.pkl`,
 * `archive/data/<i>` (raw little-endian storages) and `archive/version`, stored uncompressed,
 * each entry's data 64-byte aligned through a padding extra field.
 */
export function writePth(stateDict: ReadonlyMap<string, RawTensor>, archive = 'archive'): Uint8Array {
  const entries: [string, Uint8Array][] = [[`${archive}/data.pkl`, pickleStateDict(stateDict)]];
  [...stateDict.values()].forEach((t, i) => entries.push([`${archive}/data/${i}`, encodeElements(t.values)]));
  entries.push([`${archive}/version`, new TextEncoder().encode('3\n')]);

  const files: Record<string, [Uint8Array, ZipAttributes & { level: 0 }]> = {};
  let offset = 0;
  for (const [name, data] of entries) {
    const headerEnd = offset + LOCAL_HEADER_BYTES + Buffer.byteLength(name);
    const attributes: ZipAttributes & { level: 0 } = { level: 0, mtime: MTIME };
    let extraBytes = 0;
    if (headerEnd % ALIGNMENT !== 0) {
      const padding = (ALIGNMENT - ((headerEnd + 4) % ALIGNMENT)) % ALIGNMENT;
      attributes.extra = { [PADDING_FIELD]: new Uint8Array(padding).fill(0x5a) };
      extraBytes = 4 + padding;
    }
    files[name] = [data, attributes];
    offset = headerEnd + extraBytes + data.length;
  }
  return zipSync(files);
}
