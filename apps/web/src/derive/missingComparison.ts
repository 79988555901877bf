/**
 * What an A-vs-B view says when it has no pair to show (issue 11, item 3): what is missing and
 * which stage fixes it, from the class's records and its reference models.
 *
 *   missingComparison({ rows: 0, original: true, retrained: false, className: 'cat' }).stage // 'build'
 */
export function missingComparison(s: { rows: number; original: boolean; retrained: boolean; className: string }): { message: string; stage: 'build' | 'screen' } {
  const { className } = s;
  if (s.rows === 0 && !s.original) return { message: `No models yet: train the Original and the Retrained model for ${className} (Quick start does both, then runs five methods).`, stage: 'build' };
  if (s.rows === 0 && !s.retrained)
    return { message: `The Original exists but has no record for ${className} yet: it is evaluated for a class with that class's Retrained model. Train the Retrained model for ${className}.`, stage: 'build' };
  if (s.rows === 0) return { message: `No records for ${className} yet: its models are still being evaluated, or their records were deleted. Run a method or retrain the references.`, stage: 'build' };
  if (s.rows === 1)
    return { message: `Only one model for ${className}: a comparison needs two. ${s.retrained ? 'Run an unlearning method' : `Train the Retrained model for ${className} or run a method`}.`, stage: 'build' };
  return { message: 'Select model A and model B in the table.', stage: 'screen' };
}
