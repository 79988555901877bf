import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkpointPaths, readCheckpointMeta, type CheckpointMeta } from '@mu/engine';
import { assertResult, type ResultRecord } from '@mu/schema';
import { CheckpointsRepository, type CheckpointSource } from './checkpointsRepository.js';
import { JobsRepository } from './jobsRepository.js';
import { openDatabase, type Db } from './openDatabase.js';
import { prepareDataFolder } from './prepareDataFolder.js';
import { ResultsRepository } from './resultsRepository.js';

/** Suffixes of files being deleted or uploaded; start-up removes those a crash left behind. */
const DELETING = '.deleting';
const UPLOAD_SUFFIX = '.upload-';
const UPLOAD_TEMP = /\.upload-[0-9a-f]{8}$/;

/** What a finished job hands over: checkpoints it wrote to its staging folder, and records. */
export interface JobOutputs {
  checkpointIds: string[];
  records: ResultRecord[];
}

/**
 * Everything the server keeps under its data folder: the SQLite database (`mu.sqlite`: results,
 * checkpoint index, jobs), the weights (`checkpoints/`) and the staging area where running jobs
 * write (`staging/<job id>/`), and uploaded weights waiting for their import job (`uploads/<job id>`).
 * Outputs become visible only through `commit`, all or nothing.
 */
export class Store {
  readonly db: Db;
  readonly results: ResultsRepository;
  readonly checkpoints: CheckpointsRepository;
  readonly jobs: JobsRepository;
  readonly checkpointDir: string;
  readonly stagingRoot: string;
  readonly uploadsDir: string;

  constructor(readonly dataDir: string) {
    this.checkpointDir = path.join(dataDir, 'checkpoints');
    this.stagingRoot = path.join(dataDir, 'staging');
    this.uploadsDir = path.join(dataDir, 'uploads');
    prepareDataFolder(dataDir, this.checkpointDir);
    this.db = openDatabase(path.join(dataDir, 'mu.sqlite'));
    this.results = new ResultsRepository(this.db);
    this.checkpoints = new CheckpointsRepository(this.db);
    this.jobs = new JobsRepository(this.db);
  }

  /** The folder a job writes its checkpoints to until they are committed. */
  stagingDir(jobId: string): string {
    if (!/^[0-9a-f]{8}$/.test(jobId)) throw new Error(`invalid job id: ${jobId}`);
    return path.join(this.stagingRoot, jobId);
  }

  discardStaging(jobId: string): void {
    rmSync(this.stagingDir(jobId), { recursive: true, force: true });
  }

  /** Where an import job's uploaded weights wait (outside staging, so that a queued import survives a restart). */
  uploadPath(jobId: string): string {
    return path.join(this.uploadsDir, path.basename(this.stagingDir(jobId)));
  }

  async keepUpload(jobId: string, bytes: Uint8Array): Promise<void> {
    mkdirSync(this.uploadsDir, { recursive: true });
    await writeFile(this.uploadPath(jobId), bytes);
  }

  discardUpload(jobId: string): void {
    rmSync(this.uploadPath(jobId), { force: true });
  }

  /**
   * Makes a job's outputs visible at once: moves its staged checkpoints into the checkpoint
   * folder, then inserts their index rows and the records in one transaction (a new evaluation
   * of an Original for a class replaces its earlier record). On failure nothing stays visible.
   */
  async commit(jobId: string, outputs: JobOutputs): Promise<void> {
    const staging = this.stagingDir(jobId);
    const metas: CheckpointMeta[] = [];
    for (const id of outputs.checkpointIds) metas.push(await readCheckpointMeta(checkpointPaths(staging, id).meta));
    for (const r of outputs.records) assertResult(r);
    const moved: string[] = [];
    try {
      for (const { id } of metas) {
        const from = checkpointPaths(staging, id);
        const to = checkpointPaths(this.checkpointDir, id);
        if (existsSync(to.meta) || this.checkpoints.get(id)) throw new Error(`checkpoint id ${id} is already taken`);
        renameSync(from.weights, to.weights);
        moved.push(to.weights);
        renameSync(from.meta, to.meta);
        moved.push(to.meta);
      }
      this.db.transaction(() => {
        for (const meta of metas) this.checkpoints.put(meta, 'engine', jobId);
        for (const r of outputs.records) {
          if (r.role === 'original') this.results.deleteOriginalRecords(r.modelId, r.config.forgetClass);
          if (this.results.has(r.id)) throw new Error(`result id ${r.id} is already taken`);
          this.results.put(r, { jobId });
        }
        this.jobs.addOutputs(jobId, { resultIds: outputs.records.map((r) => r.id), checkpointIds: metas.map((m) => m.id) });
      })();
    } catch (error) {
      for (const file of moved) rmSync(file, { force: true });
      throw error;
    }
  }

  /** Stores imported records in one transaction; the same id again replaces the earlier import. */
  importResults(records: ResultRecord[]): { id: string; replaced: boolean }[] {
    return this.db.transaction(() =>
      records.map((r) => {
        const replaced = this.results.has(r.id);
        this.results.put(r, { replace: true });
        return { id: r.id, replaced };
      }),
    )();
  }

  /** Writes an uploaded checkpoint (already checked) under its id and indexes it. */
  async importCheckpoint(meta: CheckpointMeta, weights: Uint8Array): Promise<void> {
    const to = checkpointPaths(this.checkpointDir, meta.id);
    const temp = (p: string) => `${p}${UPLOAD_SUFFIX}${meta.id}`;
    try {
      await writeFile(temp(to.weights), weights);
      await writeFile(temp(to.meta), JSON.stringify(meta, null, 1));
      renameSync(temp(to.weights), to.weights);
      renameSync(temp(to.meta), to.meta);
      this.checkpoints.put(meta, 'upload');
    } catch (error) {
      for (const p of [temp(to.weights), temp(to.meta), to.weights, to.meta]) rmSync(p, { force: true });
      throw error;
    }
  }

  /**
   * Deletes a record. The weights of an unlearned model go with its (only) record; an Original's
   * or Retrained model's weights stay, since other records and runs refer to them. The files are
   * moved aside first and the rows deleted after: when either step fails (a full or read-only
   * disk) the record and its weights stay as they were.
   */
  deleteResult(id: string): boolean {
    const record = this.results.get(id);
    if (!record) return false;
    const { modelId } = record;
    const dropWeights = record.role === 'unlearned' && /^[0-9a-f]{8}$/.test(modelId) && this.results.countForModel(modelId) === 1;
    const aside: string[] = [];
    try {
      if (dropWeights) {
        for (const file of Object.values(checkpointPaths(this.checkpointDir, modelId))) {
          if (!existsSync(file)) continue;
          renameSync(file, file + DELETING);
          aside.push(file);
        }
      }
      this.db.transaction(() => {
        this.results.delete(id);
        if (dropWeights) this.checkpoints.delete(modelId);
      })();
    } catch (error) {
      for (const file of aside) renameSync(file + DELETING, file);
      throw error;
    }
    for (const file of aside) rmSync(file + DELETING, { force: true });
    return true;
  }

  /**
   * Start-up housekeeping: the staging area of jobs that did not finish is removed; complete
   * checkpoints found in the folder but missing from the index (put there by hand, or moved just
   * before a crash) are indexed, or listed as unreadable; index rows whose files are gone are dropped.
   */
  async reconcile(): Promise<{ adopted: string[]; dropped: string[]; unreadable: { file: string; reason: string }[] }> {
    rmSync(this.stagingRoot, { recursive: true, force: true });
    const indexed = new Set(this.checkpoints.ids());
    const adopted: string[] = [];
    const unreadable: { file: string; reason: string }[] = [];
    const onDisk = new Set<string>();
    for (const file of readdirSync(this.checkpointDir)) {
      if (file.endsWith(DELETING) || UPLOAD_TEMP.test(file)) rmSync(path.join(this.checkpointDir, file), { force: true });
      const m = /^([a-z0-9-]{1,64})\.json$/.exec(file);
      if (!m) continue;
      const paths = checkpointPaths(this.checkpointDir, m[1]);
      if (!existsSync(paths.weights)) continue;
      onDisk.add(m[1]);
      if (indexed.has(m[1])) continue;
      try {
        const meta = await readCheckpointMeta(paths.meta);
        if (meta.id !== m[1]) throw new Error(`its id is ${JSON.stringify(meta.id)}`);
        this.checkpoints.put(meta, 'engine');
        adopted.push(meta.id);
      } catch (error) {
        // Left alone, and reported: the caller logs it.
        unreadable.push({ file, reason: (error as Error).message.split('\n')[0] });
      }
    }
    const dropped = [...indexed].filter((id) => !onDisk.has(id));
    for (const id of dropped) this.checkpoints.delete(id);
    return { adopted, dropped, unreadable };
  }

  /** Ids of the checkpoints whose weights file is in the checkpoint folder now (none when it is gone). */
  weightsOnDisk(): Set<string> {
    const suffix = '.weights.bin';
    try {
      return new Set(readdirSync(this.checkpointDir).filter((f) => f.endsWith(suffix)).map((f) => f.slice(0, -suffix.length)));
    } catch {
      return new Set();
    }
  }

  close(): void {
    this.db.close();
  }
}

export type { CheckpointSource };
