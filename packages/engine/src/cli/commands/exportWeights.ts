import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkpointAsPytorch } from '../../weights/pytorchWeights.js';
import { UsageError } from '../usageError.js';
import { resolveCheckpointPath } from './evalCheckpoint.js';

const FORMATS = ['pth', 'safetensors'] as const;

export const exportWeightsUsage = `mu export-weights ID --format pth|safetensors --out FILE
  Writes a checkpoint's weights as a PyTorch state dict with torchvision's tensor names:
  .pth (loads with torch.load(path, weights_only=True)) or .safetensors.`;

export async function exportWeights(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('expected one checkpoint id or path');
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`invalid --format: ${values.format ?? '(none)'} (expected ${FORMATS.join(', ')})`);
  if (!values.out) throw new UsageError('missing --out');
  const { meta, bytes } = await checkpointAsPytorch(resolveCheckpointPath(positionals[0]), format);
  await writeFile(path.resolve(values.out), bytes);
  console.log(`wrote ${meta.id} (${meta.model.architecture}) as ${format} to ${values.out} (${bytes.length} bytes)`);
}
