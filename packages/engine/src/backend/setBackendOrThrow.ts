import * as tf from '@tensorflow/tfjs';

/** `tf.setBackend`, failing loudly: tfjs answers `false` (and only logs why) when a backend does not initialise. */
export async function setBackendOrThrow(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') failed`);
}
