import { scaleSequential } from 'd3-scale';
import { interpolateGreys, interpolateTurbo } from 'd3-scale-chromatic';

/** The prediction matrix's colour scales (ui.md §3.2), shared by the matrices and their legend. */
export const matrixGrey = scaleSequential((t: number) => interpolateGreys(0.05 + 0.95 * t)).domain([0, 1]);
export const matrixTurbo = scaleSequential((t: number) => interpolateTurbo(0.05 + 0.95 * t)).domain([0, 1]);

/** Width in px of an 11 px tick label, estimated: SVG layout needs it before the text exists. */
export const labelWidth = (text: string) => Math.ceil(text.length * 6.4) + 4;
