import { findDataset, loadDataset } from '@mu/engine';

/**
 * The CIFAR-10 training labels when this server has the dataset, so that the points of an
 * older-schema result file (its own image list) are checked against them (results-schema.md §6
 * rule 2); undefined otherwise, and the import then warns that they were not checked.
 */
export async function cifar10Labels(): Promise<ArrayLike<number> | undefined> {
  if (findDataset('cifar10').location === null) return undefined;
  return (await loadDataset('cifar10')).train.labels;
}
