import type { FigureCaption } from '../charts/exportChart.js';
import { ROLE_LABEL } from './roleLabel.js';
import type { Theme } from './themes.js';

/** The captions of an exported figure: "Model A (<Type>, <ID>)" in each model's colour of the theme, in full. */
export function modelCaptions(models: readonly { which: 'A' | 'B'; role: keyof typeof ROLE_LABEL; id: string }[], theme: Theme): FigureCaption[] {
  return models.map((m) => ({ text: `Model ${m.which} (${ROLE_LABEL[m.role]}, ${m.id})`, colour: m.which === 'A' ? theme.AStroke : theme.BStroke, badge: m.which }));
}
