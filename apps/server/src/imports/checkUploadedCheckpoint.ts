import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, architectureInfo, defineNetwork, describeDataset, weightsProblem, type CheckpointMeta } from '@mu/engine';
import { upgradeLegacyPreset } from '@mu/schema';
import { badRequest, as } from '../http/apiError.js';

const ROLES = ['original', 'retrained', 'unlearned'];

/**
 * Checks an uploaded checkpoint (our format: the `<id>.json` metadata and the `<id>.weights.bin`
 * float32 weights) without loading it into the engine: format and version, a known architecture
 * and dataset, a consistent role and forget class, exactly the tensors the architecture has, in
 * order, with the right shapes and offsets, a weights file of the matching size, and weights that match
 * their recorded checksum (or, without one, finite values). Returns the parsed metadata (an old
 * `config.preset` read as `config.recipe`); errors are one line naming the problem (400).
 */
export function checkUploadedCheckpoint(metaText: string, weights: Uint8Array): CheckpointMeta {
  let meta: CheckpointMeta;
  try {
    meta = upgradeLegacyPreset(JSON.parse(metaText) as CheckpointMeta);
  } catch {
    throw badRequest('checkpoint metadata is not valid JSON');
  }
  if (typeof meta !== 'object' || meta === null || meta.format !== CHECKPOINT_FORMAT) throw badRequest(`checkpoint metadata is not a ${CHECKPOINT_FORMAT} file`);
  if (meta.version !== CHECKPOINT_VERSION) throw badRequest(`checkpoint version ${String(meta.version)} is not supported (expected ${CHECKPOINT_VERSION})`);
  const architecture = String(meta.model?.architecture);
  as(400, () => architectureInfo(architecture));
  const dataset = as(400, () => describeDataset(String(meta.dataset?.id)));
  if (meta.model.numClasses !== dataset.numClasses || meta.model.inputChannels !== dataset.inputShape[2]) {
    throw badRequest(`checkpoint model has ${meta.model.inputChannels} input channels and ${meta.model.numClasses} classes (expected ${dataset.inputShape[2]} and ${dataset.numClasses} for ${dataset.id})`);
  }
  if (!ROLES.includes(meta.role)) throw badRequest(`checkpoint role ${JSON.stringify(meta.role)} is invalid (expected ${ROLES.join(', ')})`);
  const fc = meta.forgetClass;
  if (meta.role === 'original' ? fc !== null : !(Number.isInteger(fc) && fc! >= 0 && fc! < dataset.numClasses)) {
    throw badRequest(`checkpoint forgetClass ${JSON.stringify(fc)} does not fit role ${meta.role} (expected ${meta.role === 'original' ? 'null' : `0..${dataset.numClasses - 1}`})`);
  }
  const expected = defineNetwork(architecture, meta.model.inputChannels, meta.model.numClasses).tensors;
  if (!Array.isArray(meta.tensors) || meta.tensors.length !== expected.length) {
    throw badRequest(`checkpoint lists ${Array.isArray(meta.tensors) ? meta.tensors.length : 'no'} tensors (expected ${expected.length} for ${architecture})`);
  }
  let offset = 0;
  expected.forEach((spec, i) => {
    const t = meta.tensors[i];
    if (t?.name !== spec.name || !Array.isArray(t.shape) || t.shape.join() !== spec.shape.join() || t.offset !== offset) {
      throw badRequest(`checkpoint tensor ${i} is ${JSON.stringify(t?.name)} [${t?.shape}] at ${t?.offset} (expected ${spec.name} [${spec.shape}] at ${offset})`);
    }
    offset += spec.shape.reduce((a, b) => a * b, 1);
  });
  if (weights.byteLength !== offset * 4) throw badRequest(`checkpoint weights have ${weights.byteLength} bytes (expected ${offset * 4} for ${architecture})`);
  const problem = weightsProblem(meta, weights);
  if (problem) throw badRequest(problem);
  return meta;
}
