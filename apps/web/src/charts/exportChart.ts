import { downloadText, downloadUrl } from '../io/downloadFile.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'Roboto Condensed, system-ui, sans-serif';

/** A line of the figure's header under its title: a model's caption in its colour, with its letter badge. */
export interface FigureCaption {
  text: string;
  colour: string;
  /** The letter badge ("A", "B"), or null (e.g. the Retrained model). */
  badge: string | null;
}

/**
 * A copy of a chart SVG with the computed styles the stylesheet gives it inlined (text, and the
 * fading of marks outside an instance set), so that it renders alone.
 */
function styledClone(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = svg.querySelectorAll('text');
  clone.querySelectorAll('text').forEach((t, i) => {
    const cs = getComputedStyle(src[i]);
    t.setAttribute('style', `font-size:${cs.fontSize};font-weight:${cs.fontWeight};fill:${cs.fill}`);
  });
  const marks = svg.querySelectorAll('[data-in-set]');
  clone.querySelectorAll('[data-in-set]').forEach((m, i) => m.setAttribute('opacity', getComputedStyle(marks[i]).opacity));
  return clone;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * One self-contained SVG of a whole panel, as laid out on screen: its title, the models' captions
 * and every chart and legend SVG of its body, in the colours of the current theme.
 */
export function panelFigure(body: HTMLElement, title: string, captions: readonly FigureCaption[]): { svg: string; width: number; height: number } {
  const box = body.getBoundingClientRect();
  const charts = [...body.querySelectorAll<SVGSVGElement>('svg.chart')].filter((s) => s.getBoundingClientRect().width > 0);
  const head = captions.length > 0 ? 56 : 36;
  const fig = el('svg', { xmlns: SVG_NS, 'font-family': FONT });
  fig.append(el('rect', { width: '100%', height: '100%', fill: '#fff' }));
  fig.append(el('text', { x: 8, y: 24, style: 'font-size:20px;font-weight:600;fill:#222' }, title));
  let x = 8;
  for (const c of captions) {
    if (c.badge) {
      fig.append(el('rect', { x, y: 35, width: 16, height: 16, rx: 3, fill: c.colour }));
      fig.append(el('text', { x: x + 8, y: 47, 'text-anchor': 'middle', style: 'font-size:12px;font-weight:700;fill:#fff' }, c.badge));
      x += 20;
    }
    fig.append(el('text', { x, y: 48, style: `font-size:14px;font-weight:600;fill:${c.colour}` }, c.text));
    // SVG text cannot be measured before it is laid out in the figure: an estimate for 14 px.
    x += c.text.length * 7.6 + 18;
  }
  let width = x, height = head;
  for (const s of charts) {
    const r = s.getBoundingClientRect();
    const clone = styledClone(s);
    clone.setAttribute('x', String(r.left - box.left + 8));
    clone.setAttribute('y', String(r.top - box.top + head));
    fig.append(clone);
    width = Math.max(width, r.right - box.left + 16);
    height = Math.max(height, r.bottom - box.top + head + 8);
  }
  fig.setAttribute('width', String(Math.ceil(width)));
  fig.setAttribute('height', String(Math.ceil(height)));
  fig.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  return { svg: new XMLSerializer().serializeToString(fig), width: Math.ceil(width), height: Math.ceil(height) };
}

export function downloadSvg(svg: string, name: string): void {
  downloadText(svg, 'image/svg+xml', `${name}.svg`);
}

/** PNG at 2× resolution (the figure carries its own white background). */
export async function downloadPng(figure: { svg: string; width: number; height: number }, name: string): Promise<void> {
  const img = new Image();
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(figure.svg);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = figure.width * 2;
  canvas.height = figure.height * 2;
  canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
  downloadUrl(canvas.toDataURL('image/png'), `${name}.png`);
}
