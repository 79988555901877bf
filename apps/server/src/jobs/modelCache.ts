import { loadStoredModel, type StoredModel } from '@mu/engine';

/**
 * The models a worker keeps loaded between jobs (the designated Original and Retrained models are
 * used by every run of a class), least recently used first out. Evicted models are disposed; a
 * job uses at most three cached models at once, below the capacity.
 */
export class ModelCache {
  private readonly models = new Map<string, StoredModel>();

  constructor(private readonly capacity = 4) {}

  /** The committed checkpoint `id` from `dir`, loaded once. */
  async get(dir: string, id: string): Promise<StoredModel> {
    const cached = this.models.get(id);
    if (cached) {
      this.models.delete(id);
      this.models.set(id, cached);
      return cached;
    }
    const stored = await loadStoredModel(dir, id);
    this.add(stored);
    return stored;
  }

  /** Keeps a model loaded elsewhere (a freshly trained one, once committed). */
  add(stored: StoredModel): void {
    const id = stored.meta.id;
    const previous = this.models.get(id);
    if (previous && previous !== stored) previous.model.dispose();
    this.models.delete(id);
    this.models.set(id, stored);
    while (this.models.size > this.capacity) {
      const [oldest] = this.models.keys();
      this.models.get(oldest)!.model.dispose();
      this.models.delete(oldest);
    }
  }

  clear(): void {
    for (const m of this.models.values()) m.model.dispose();
    this.models.clear();
  }
}
