/** A "+" drawn as SVG: the font glyph renders as an empty box where no font has it (Debian's Chromium). */
export function PlusIcon() {
  return (
    <svg className="icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden focusable="false">
      <path d="M6 1v10M1 6h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
