import * as tf from '@tensorflow/tfjs';

/** Mean cross-entropy of integer `labels` under `logits` [batch, C]. */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const logProbs = tf.logSoftmax(logits);
    const oneHot = tf.oneHot(tf.cast(labels, 'int32'), logits.shape[1]);
    return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logProbs), 1))) as tf.Scalar;
  });
}

/**
 * Distillation KL at temperature T (methods.md §5.4):
 * T² · (1/n) · Σ_x Σ_k q_k (ln q_k − ln s_k), q = softmax(teacher/T), s = softmax(student/T).
 */
export function distillationKl(teacherLogits: tf.Tensor2D, studentLogits: tf.Tensor2D, temperature: number): tf.Scalar {
  return tf.tidy(() => {
    const logQ = tf.logSoftmax(tf.div(teacherLogits, temperature));
    const logS = tf.logSoftmax(tf.div(studentLogits, temperature));
    const kl = tf.sum(tf.mul(tf.exp(logQ), tf.sub(logQ, logS)), 1);
    return tf.mul(tf.mean(kl), temperature * temperature) as tf.Scalar;
  });
}
