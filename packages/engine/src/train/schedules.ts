/** Learning-rate schedules, stepped once per epoch (methods.md §1.5). */
export type Schedule =
  | { kind: 'constant' }
  | { kind: 'cosine'; etaMin: number }
  | { kind: 'multistep'; milestones: readonly number[]; gamma: number };

/**
 * The learning rate of epoch `epoch` (0-based) of `epochs`.
 *
 *   learningRate({kind: 'cosine', etaMin: 0}, 0.1, 5, 10) // 0.05
 */
export function learningRate(schedule: Schedule, lr: number, epoch: number, epochs: number): number {
  switch (schedule.kind) {
    case 'constant':
      return lr;
    case 'cosine':
      return schedule.etaMin + ((lr - schedule.etaMin) * (1 + Math.cos((Math.PI * epoch) / epochs))) / 2;
    case 'multistep':
      return lr * schedule.gamma ** schedule.milestones.filter((m) => epoch >= m).length;
  }
}
