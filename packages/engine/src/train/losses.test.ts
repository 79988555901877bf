import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { crossEntropy, distillationKl } from './losses.js';

describe('losses', () => {
  it('cross-entropy is the mean negative log-softmax of the true class', () => {
    const logits = tf.tensor2d([[0, 0], [Math.log(3), 0]]);
    const labels = tf.tensor1d([0, 1], 'int32');
    // −(ln ½ + ln ¼) / 2
    expect(crossEntropy(logits, labels).dataSync()[0]).toBeCloseTo(-(Math.log(0.5) + Math.log(0.25)) / 2, 6);
  });

  it('distillation KL is T²·KL(q‖s), zero for identical logits', () => {
    const t = tf.tensor2d([[1, 2, 3]]);
    expect(distillationKl(t, t, 2).dataSync()[0]).toBeCloseTo(0, 6);
    const q = [0.5, 0.5];
    const s = [0.75, 0.25];
    const expected = 4 * (q[0] * Math.log(q[0] / s[0]) + q[1] * Math.log(q[1] / s[1]));
    const student = tf.tensor2d([[2 * Math.log(3), 0]]); // softmax(student / 2) = [¾, ¼]
    expect(distillationKl(tf.tensor2d([[0, 0]]), student, 2).dataSync()[0]).toBeCloseTo(expected, 6);
  });
});
