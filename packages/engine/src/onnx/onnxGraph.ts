import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** ONNX opset of the graphs we write; onnxruntime-node 1.30 runs opsets up to 23. */
export const ONNX_OPSET = 17;

/** A dimension: a size, or a symbol for a size known only at run time (`N` is the batch). */
export type Dim = number | string;

/** Integer attributes only: the operators we write need no others. */
type Attribute = number | number[];

/**
 * Builds one ONNX graph (float32 tensors, one dynamic batch dimension `N`) and encodes it as a
 * ModelProto with onnx-proto's generated protobuf code. Value names are made unique here, so
 * the network code only names what it means.
 *
 *   const g = new OnnxGraph('resnet18');
 *   const x = g.input('x', [3, 32, 32]);
 *   const y = g.node('Relu', [x]);
 *   g.output('y', y, [3, 32, 32]);
 *   const bytes = g.encode();
 */
export class OnnxGraph {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private count = 0;

  constructor(private readonly name: string) {}

  /** A graph input of shape [N, ...dims]. */
  input(name: string, dims: readonly Dim[]): string {
    this.inputs.push(valueInfo(name, dims));
    return name;
  }

  /** A constant float32 tensor stored in the graph. */
  constant(values: Float32Array, dims: readonly number[]): string {
    const name = `c${this.count++}`;
    const rawData = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    this.initializers.push({ name, dims: [...dims], dataType: onnx.TensorProto.DataType.FLOAT, rawData });
    return name;
  }

  /** A constant int64 tensor (shapes for Reshape). */
  int64(values: readonly number[]): string {
    const name = `c${this.count++}`;
    this.initializers.push({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, int64Data: [...values] });
    return name;
  }

  /** One operator node with a single output; returns the output's name. */
  node(opType: string, inputs: readonly string[], attributes: Record<string, Attribute> = {}): string {
    const output = `${opType.toLowerCase()}${this.count++}`;
    this.nodes.push({ opType, input: [...inputs], output: [output], name: output, attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)) });
    return output;
  }

  /** Exposes `value` as the graph output `name`, of shape [N, ...dims]. */
  output(name: string, value: string, dims: readonly Dim[]): void {
    this.nodes.push({ opType: 'Identity', input: [value], output: [name], name: `out:${name}` });
    this.outputs.push(valueInfo(name, dims));
  }

  encode(): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: 'unlearning-comparator',
      opsetImport: [{ domain: '', version: ONNX_OPSET }],
      graph: { name: this.name, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(name: string, dims: readonly Dim[]): onnxProto.onnx.IValueInfoProto {
  const shape = { dim: ['N', ...dims].map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) };
  return { name, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape } } };
}

function attribute(name: string, value: Attribute): onnxProto.onnx.IAttributeProto {
  const { AttributeType } = onnx.AttributeProto;
  return Array.isArray(value) ? { name, type: AttributeType.INTS, ints: value } : { name, type: AttributeType.INT, i: value };
}
