/**
 * The datasets the engine knows (spec methods.md §1.1–1.2): class names, split sizes, input
 * shape, normalisation constants and the files each split is read from.
 *
 *   const d = describeDataset('cifar10');
 *   d.inputShape; // [32, 32, 3]
 */

export const datasetIds = ['cifar10', 'cifar10-mini', 'fashion-mnist', 'fashion-mnist-mini'] as const;
export type DatasetId = (typeof datasetIds)[number];

/** One data file as stored uncompressed; a `.gz` copy of it is accepted too. */
export interface DataFileSpec {
  name: string;
  /** Exact uncompressed size in bytes. */
  bytes: number;
}

export interface Normalization {
  /** Per channel, on pixels scaled to [0, 1]. */
  mean: readonly number[];
  std: readonly number[];
}

export interface DatasetDescriptor {
  id: DatasetId;
  label: string;
  format: 'cifar10-binary' | 'idx';
  classNames: readonly string[];
  numClasses: number;
  splits: { train: number; test: number };
  perClass: { train: number; test: number };
  /** [height, width, channels] the network sees: always 32×32. */
  inputShape: readonly [number, number, number];
  /** Height and width of the stored images; smaller ones are zero-padded, centred, to 32×32. */
  sourceSize: number;
  normalization: Normalization;
  /** Files of each split, in the order they are read and hashed (train, then test). */
  files: { train: readonly DataFileSpec[]; test: readonly DataFileSpec[] };
  /**
   * Set when the dataset is a fixed subset cut, at load time, from another dataset's files: the
   * first `perClass` images of each class of each split, in file order.
   */
  subsetOf?: DatasetId;
}

const cifarClassNames = [
  'airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck',
] as const;

// The reference system's constants; the std values are the widely copied approximations and must
// stay exactly these, or imported weights will not work (methods.md §1.2).
const cifarNormalization: Normalization = {
  mean: [0.4914, 0.4822, 0.4465],
  std: [0.2023, 0.1994, 0.201],
};

const cifarRecord = 3073;

/**
 * Mean and population std of every pixel (scaled to [0, 1]) of the 60,000 unpadded 28×28
 * training images; correctly rounded from the exact sums (Σv = 3,431,114,169,
 * Σv² = 631,470,052,347 over 47,040,000 pixels). Recomputed from the files in catalog.test.ts.
 */
const fashionNormalization: Normalization = {
  mean: [0.2860405969887955],
  std: [0.3530242445149226],
};

const fashionMnist: DatasetDescriptor = {
  id: 'fashion-mnist',
  label: 'Fashion-MNIST',
  format: 'idx',
  classNames: ['T-shirt', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Boot'],
  numClasses: 10,
  splits: { train: 60_000, test: 10_000 },
  perClass: { train: 6_000, test: 1_000 },
  inputShape: [32, 32, 1],
  sourceSize: 28,
  normalization: fashionNormalization,
  // Images first, then labels, per split.
  files: {
    train: [
      { name: 'train-images-idx3-ubyte', bytes: 16 + 60_000 * 784 },
      { name: 'train-labels-idx1-ubyte', bytes: 8 + 60_000 },
    ],
    test: [
      { name: 't10k-images-idx3-ubyte', bytes: 16 + 10_000 * 784 },
      { name: 't10k-labels-idx1-ubyte', bytes: 8 + 10_000 },
    ],
  },
};

export const catalog: Readonly<Record<DatasetId, DatasetDescriptor>> = {
  cifar10: {
    id: 'cifar10',
    label: 'CIFAR-10',
    format: 'cifar10-binary',
    classNames: cifarClassNames,
    numClasses: 10,
    splits: { train: 50_000, test: 10_000 },
    perClass: { train: 5_000, test: 1_000 },
    inputShape: [32, 32, 3],
    sourceSize: 32,
    normalization: cifarNormalization,
    files: {
      train: [1, 2, 3, 4, 5].map((k) => ({ name: `data_batch_${k}.bin`, bytes: 10_000 * cifarRecord })),
      test: [{ name: 'test_batch.bin', bytes: 10_000 * cifarRecord }],
    },
  },
  'cifar10-mini': {
    id: 'cifar10-mini',
    label: 'CIFAR-10 mini',
    format: 'cifar10-binary',
    classNames: cifarClassNames,
    numClasses: 10,
    splits: { train: 5_000, test: 1_000 },
    perClass: { train: 500, test: 100 },
    inputShape: [32, 32, 3],
    sourceSize: 32,
    normalization: cifarNormalization,
    files: {
      train: [{ name: 'train.bin', bytes: 5_000 * cifarRecord }],
      test: [{ name: 'test.bin', bytes: 1_000 * cifarRecord }],
    },
  },
  'fashion-mnist': fashionMnist,
  // Cut like cifar10-mini (same sizes) so a Fashion-MNIST Original can memorise in minutes on a
  // CPU. Fashion-MNIST's normalisation is kept so weights move between the two unchanged.
  'fashion-mnist-mini': {
    ...fashionMnist,
    id: 'fashion-mnist-mini',
    label: 'Fashion-MNIST mini',
    splits: { train: 5_000, test: 1_000 },
    perClass: { train: 500, test: 100 },
    subsetOf: 'fashion-mnist',
  },
};

export function isDatasetId(id: string): id is DatasetId {
  return (datasetIds as readonly string[]).includes(id);
}

/** The descriptor of a dataset, or a one-line error for an unknown id. */
export function describeDataset(id: string): DatasetDescriptor {
  if (!isDatasetId(id)) throw new Error(`unknown dataset: ${id} (expected ${datasetIds.join(', ')})`);
  return catalog[id];
}
