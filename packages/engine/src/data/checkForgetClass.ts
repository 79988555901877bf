/**
 * Throws `invalid forget class: X (expected 0..C−1)` unless `forgetClass` is a class index of a
 * dataset with `numClasses` classes. The one check every entry point (run, plan, metrics, CLI) uses.
 */
export function checkForgetClass(forgetClass: number, numClasses: number): void {
  if (!(Number.isInteger(forgetClass) && forgetClass >= 0 && forgetClass < numClasses)) {
    throw new Error(`invalid forget class: ${forgetClass} (expected 0..${numClasses - 1})`);
  }
}
