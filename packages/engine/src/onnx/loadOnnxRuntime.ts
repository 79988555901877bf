import { OnnxGraph } from './onnxGraph.js';

/** The onnxruntime-node module (inference sessions and tensors). */
export type OnnxRuntimeModule = typeof import('onnxruntime-node');

let loaded: Promise<OnnxRuntimeModule | string> | null = null;

/**
 * Loads onnxruntime-node's CPU runtime (shipped inside the npm package; its install script,
 * which only downloads CUDA libraries, is never run) once per process, and checks that a
 * session starts and runs. Returns the module, or a one-line reason why it is unavailable.
 */
export function loadOnnxRuntime(): Promise<OnnxRuntimeModule | string> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<OnnxRuntimeModule | string> {
  let ort: OnnxRuntimeModule;
  try {
    ort = (await import('onnxruntime-node')) as OnnxRuntimeModule;
  } catch (error) {
    return `onnxruntime-node is not installed or failed to load (${firstLine(error)})`;
  }
  try {
    const g = new OnnxGraph('probe');
    g.output('y', g.node('Relu', [g.input('x', [2])]), [2]);
    const session = await ort.InferenceSession.create(g.encode());
    const { y } = await session.run({ x: new ort.Tensor('float32', Float32Array.of(-1, 1), [1, 2]) });
    await session.release();
    if (y.data[0] !== 0 || y.data[1] !== 1) return 'onnxruntime-node computed a wrong result on a probe graph';
    return ort;
  } catch (error) {
    return `onnxruntime-node failed to run a probe graph (${firstLine(error)})`;
  }
}

function firstLine(error: unknown): string {
  return (error as Error).message.split('\n')[0];
}
