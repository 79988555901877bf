/**
 * Our tensors vs PyTorch's: convolutions are [kh, kw, in, out] here and OIHW [out, in, kh, kw]
 * there; linear weights [in, out] here and [out, in] there; vectors are the same.
 */
export function pytorchShape(ourShape: readonly number[]): number[] {
  if (ourShape.length === 4) return [ourShape[3], ourShape[2], ourShape[0], ourShape[1]];
  if (ourShape.length === 2) return [ourShape[1], ourShape[0]];
  return [...ourShape];
}

/** Moves values from PyTorch's layout (`pytorchShape(ourShape)`) into ours. */
export function fromPytorchLayout(values: Float32Array, ourShape: readonly number[]): Float32Array {
  return permute(values, ourShape, false);
}

/** Moves values from our layout (`ourShape`) into PyTorch's. */
export function toPytorchLayout(values: Float32Array, ourShape: readonly number[]): Float32Array {
  return permute(values, ourShape, true);
}

function permute(values: Float32Array, ourShape: readonly number[], toPytorch: boolean): Float32Array {
  const out = new Float32Array(values.length);
  if (ourShape.length === 4) {
    const [kh, kw, cin, cout] = ourShape;
    for (let o = 0; o < cout; o++)
      for (let i = 0; i < cin; i++)
        for (let y = 0; y < kh; y++)
          for (let x = 0; x < kw; x++) {
            const pt = ((o * cin + i) * kh + y) * kw + x;
            const ours = ((y * kw + x) * cin + i) * cout + o;
            if (toPytorch) out[pt] = values[ours];
            else out[ours] = values[pt];
          }
    return out;
  }
  if (ourShape.length === 2) {
    const [inputs, outputs] = ourShape;
    for (let o = 0; o < outputs; o++)
      for (let i = 0; i < inputs; i++) {
        if (toPytorch) out[o * inputs + i] = values[i * outputs + o];
        else out[i * outputs + o] = values[o * inputs + i];
      }
    return out;
  }
  out.set(values);
  return out;
}
