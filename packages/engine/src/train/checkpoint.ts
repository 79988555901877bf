import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { upgradeLegacyPreset } from '@mu/schema';
import { defineNetwork } from '../models/architectures.js';
import { Model, type ModelShape } from '../models/model.js';

export const CHECKPOINT_FORMAT = 'mu-checkpoint';
export const CHECKPOINT_VERSION = 1;

/** The JSON half of a checkpoint: everything needed to reproduce and interpret the weights. */
export interface CheckpointMeta {
  format: typeof CHECKPOINT_FORMAT;
  version: number;
  id: string;
  role: 'original' | 'retrained' | 'unlearned';
  createdAt: string;
  model: ModelShape & { paramCount: number };
  dataset: { id: string; checksum: string };
  /** Forget class this model is tied to (Retrained / unlearned), or null for an Original. */
  forgetClass: number | null;
  /** The full resolved configuration that produced the weights. */
  config: Record<string, unknown>;
  /** Seed of the training run; null for weights trained elsewhere (imported). */
  seed: number | null;
  environment: { backend: string; threads: number | null; tfjsVersion: string };
  trainingSeconds: number | null;
  /** Per-class accuracy; null for a class without images. */
  accuracy: { train: (number | null)[]; test: (number | null)[] };
  tensors: { name: string; shape: number[]; offset: number }[];
  /** sha256 (hex) of the weights file, recorded at save time and checked at load; absent in checkpoints saved before it existed. */
  weightsSha256?: string;
}

export type CheckpointInput = Omit<CheckpointMeta, 'format' | 'version' | 'id' | 'createdAt' | 'tensors' | 'model' | 'weightsSha256'>;

/** The sha256 (hex) of a weights file's bytes, as `weightsSha256` records it. */
export function weightsChecksum(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Why a checkpoint's weights cannot be used, or null: a recorded checksum that does not match the
 * bytes, else (older checkpoints without one) NaN or infinite values.
 */
export function weightsProblem(meta: Pick<CheckpointMeta, 'weightsSha256'>, bytes: Uint8Array): string | null {
  if (meta.weightsSha256 !== undefined && weightsChecksum(bytes) !== meta.weightsSha256) return 'checkpoint weights are corrupt (checksum mismatch)';
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (!values.every(Number.isFinite)) return 'checkpoint weights are corrupt (NaN or infinite values)';
  return null;
}

/** 8 lower-case hex characters from a cryptographic source (results-schema.md §1). */
export function newId(): string {
  return randomBytes(4).toString('hex');
}

export function checkpointPaths(dir: string, id: string): { meta: string; weights: string } {
  if (!/^[a-z0-9-]{1,64}$/.test(id)) throw new Error(`invalid checkpoint id: ${id}`);
  return { meta: path.join(dir, `${id}.json`), weights: path.join(dir, `${id}.weights.bin`) };
}

/**
 * Writes `<id>.weights.bin` (float32, little-endian, tensors back to back) and `<id>.json`.
 * Both go to temp names first and are renamed, JSON last, so a reader never sees half a checkpoint.
 */
export async function saveCheckpoint(dir: string, model: Model, input: CheckpointInput, id = newId()): Promise<CheckpointMeta> {
  await mkdir(dir, { recursive: true });
  const values = await model.values();
  const tensors: CheckpointMeta['tensors'] = [];
  let offset = 0;
  model.tensorSpecs.forEach((spec, i) => {
    tensors.push({ name: spec.name, shape: spec.shape, offset });
    offset += values[i].length;
  });
  const blob = new Float32Array(offset);
  values.forEach((v, i) => blob.set(v, tensors[i].offset));
  const bytes = new Uint8Array(blob.buffer);
  // Fields of this checkpoint win over any that a spread-in older meta carries.
  const meta: CheckpointMeta = {
    ...input,
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    id,
    createdAt: new Date().toISOString(),
    model: { ...model.shape, paramCount: model.paramCount },
    tensors,
    weightsSha256: weightsChecksum(bytes),
  };
  const paths = checkpointPaths(dir, id);
  const suffix = `.tmp-${process.pid}-${newId()}`;
  try {
    await writeFile(paths.weights + suffix, bytes);
    await writeFile(paths.meta + suffix, JSON.stringify(meta, null, 1));
    await rename(paths.weights + suffix, paths.weights);
    await rename(paths.meta + suffix, paths.meta);
  } catch (error) {
    await Promise.all([rm(paths.weights + suffix, { force: true }), rm(paths.meta + suffix, { force: true })]);
    throw error;
  }
  return meta;
}

/** Reads a checkpoint's metadata from `<id>.json` (or a path to it); an old `config.preset` is read as `config.recipe`. */
export async function readCheckpointMeta(metaPath: string): Promise<CheckpointMeta> {
  let text: string;
  try {
    text = await readFile(metaPath, 'utf8');
  } catch (error) {
    throw new Error(`cannot read checkpoint ${metaPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let meta: CheckpointMeta;
  try {
    meta = upgradeLegacyPreset(JSON.parse(text) as CheckpointMeta);
  } catch {
    throw new Error(`checkpoint ${metaPath} is not valid JSON`);
  }
  if (meta?.format !== CHECKPOINT_FORMAT || !Array.isArray(meta.tensors)) {
    throw new Error(`checkpoint ${metaPath} is not a ${CHECKPOINT_FORMAT} file`);
  }
  if (meta.version !== CHECKPOINT_VERSION) {
    throw new Error(`checkpoint ${metaPath} has unsupported version ${meta.version} (expected ${CHECKPOINT_VERSION})`);
  }
  return meta;
}

/**
 * A checkpoint's metadata and values (one Float32Array per tensor, declaration order), checked
 * against its architecture; no tensors are created, so it also serves conversions. Weights that
 * do not match their recorded checksum, or (without one) hold NaN or infinite values, are refused
 * as corrupt.
 */
export async function readCheckpointValues(metaPath: string): Promise<{ meta: CheckpointMeta; values: Float32Array[] }> {
  const meta = await readCheckpointMeta(metaPath);
  const weightsPath = metaPath.replace(/\.json$/, '.weights.bin');
  let bytes: Buffer;
  try {
    bytes = await readFile(weightsPath);
  } catch (error) {
    throw new Error(`cannot read checkpoint weights ${weightsPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const total = meta.tensors.reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0);
  if (bytes.byteLength !== total * 4) {
    throw new Error(`checkpoint weights ${weightsPath} have ${bytes.byteLength} bytes, expected ${total * 4}`);
  }
  const problem = weightsProblem(meta, bytes);
  if (problem) throw new Error(`${problem}: ${meta.id}`);
  const blob = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const { architecture, inputChannels, numClasses } = meta.model;
  const specs = defineNetwork(architecture, inputChannels, numClasses).tensors;
  const mismatch = specs.find((spec, i) => spec.name !== meta.tensors[i]?.name || spec.shape.join() !== meta.tensors[i].shape.join());
  if (mismatch || specs.length !== meta.tensors.length) {
    throw new Error(`checkpoint ${metaPath} does not match ${architecture}: tensor ${mismatch?.name ?? meta.tensors[specs.length]?.name}`);
  }
  return { meta, values: meta.tensors.map((t) => blob.subarray(t.offset, t.offset + t.shape.reduce((a, b) => a * b, 1))) };
}

/** Loads a checkpoint bit-exactly: the model holds exactly the saved float32 values. */
export async function loadCheckpoint(metaPath: string): Promise<{ model: Model; meta: CheckpointMeta }> {
  const { meta, values } = await readCheckpointValues(metaPath);
  const model = Model.fromValues({ architecture: meta.model.architecture, inputChannels: meta.model.inputChannels, numClasses: meta.model.numClasses }, values);
  return { model, meta };
}
