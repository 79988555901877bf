import { downloadText, downloadUrl } from '../io/downloadFile.js';

/** Serialises an SVG element as a self-contained file (computed styles inlined on text). */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('font-family', 'Roboto Condensed, system-ui, sans-serif');
  const src = svg.querySelectorAll('text');
  clone.querySelectorAll('text').forEach((t, i) => {
    const cs = getComputedStyle(src[i]);
    t.setAttribute('style', `font-size:${cs.fontSize};font-weight:${cs.fontWeight};fill:${cs.fill}`);
  });
  return new XMLSerializer().serializeToString(clone);
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
  downloadText(svgText(svg), 'image/svg+xml', `${name}.svg`);
}

/** PNG at 2× resolution on a white background. */
export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const img = new Image();
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText(svg));
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * 2);
  canvas.height = Math.ceil(height * 2);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  downloadUrl(canvas.toDataURL('image/png'), `${name}.png`);
}
