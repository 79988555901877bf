// Reads a fixture's PyTorch weights with the engine and writes them back as <out>.pth and
// <out>.safetensors, for scripts/make-pytorch-fixture.py to check with torch.load.
import { readFile, writeFile } from 'node:fs/promises';
import { modelFromPytorchWeights, pytorchWeightsOf } from '../packages/engine/src/weights/pytorchWeights.js';

const [architecture, input, out] = process.argv.slice(2);
const { model, pytorch } = modelFromPytorchWeights(new Uint8Array(await readFile(input)), { architecture, inputChannels: 3, numClasses: 10 });
await writeFile(`${out}.pth`, await pytorchWeightsOf(model, 'pth', pytorch.numBatchesTracked));
await writeFile(`${out}.safetensors`, await pytorchWeightsOf(model, 'safetensors', pytorch.numBatchesTracked));
model.dispose();
