import { beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../data/dataSource.js';
import { descriptor, set, setUpBackend, shape } from '../methods/methodTestKit.js';
import { Model } from '../models/model.js';
import { createRng } from '../random.js';
import { trainingHistory } from '../run/trainingHistory.js';
import { trainModel } from './train.js';
import { resolveTrainConfig } from './trainConfig.js';

beforeAll(setUpBackend);

describe('trainModel', () => {
  it("records each epoch's scheduled learning rate, which becomes the record's history", async () => {
    const model = Model.create(shape, createRng(1));
    const config = resolveTrainConfig({ dataset: 'cifar10-mini', architecture: shape.architecture, epochs: 4, batchSize: 32, lr: 0.08, schedule: 'cosine', etaMin: 0.01, augment: false, evaluateEachEpoch: false }, 10);
    const train = createDataSource(set, Int32Array.from({ length: set.count }, (_, i) => i), descriptor, { rng: createRng(3) });
    const { history } = await trainModel(model, { train }, config);
    const cosine = (e: number) => 0.01 + (0.07 * (1 + Math.cos((Math.PI * e) / 4))) / 2;
    expect(history.map((h) => h.lr)).toEqual([0, 1, 2, 3].map(cosine));
    expect(trainingHistory(history).map((h) => h.lr)).toEqual([0, 1, 2, 3].map(cosine));
    model.dispose();
  });
});
