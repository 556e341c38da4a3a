import { FONT } from './cy-style';

export interface LabelSize {
  width: number;
  height: number;
}

export interface LabelFont {
  /** Font size in pixels (model units). */
  size: number;
  bold: boolean;
  /** Cytoscape's text-max-width, in the same units. */
  maxWidth: number;
  /** Cytoscape's text-wrap. */
  wrap: 'wrap' | 'none' | 'ellipsis';
  /** Cytoscape's text-overflow-wrap "anywhere": a line may break between any two characters. */
  anywhere: boolean;
}

/**
 * The size of a label as Cytoscape lays it out (its getLabelText and
 * calculateLabelDimensions: greedy wrapping by words, or by characters when it may break
 * anywhere; each line one font size high; one pixel of background padding around), measured
 * in a 2D canvas in the same font, without restyling any element. Sizes are cached by text
 * and font: labels are measured again on every arrangement.
 */
export function createLabelMeasurer(): (text: string, font: LabelFont) => LabelSize {
  let context: CanvasRenderingContext2D | null = null;
  const cache = new Map<string, LabelSize>();
  return (text, font) => {
    const key = `${font.size}|${font.bold}|${font.maxWidth}|${font.wrap}|${font.anywhere}|${text}`;
    const known = cache.get(key);
    if (known) return known;
    context ??= document.createElement('canvas').getContext('2d');
    if (!context) return { width: font.maxWidth, height: font.size * 2 };
    const ctx = context;
    ctx.font = `normal ${font.bold ? 'bold' : 'normal'} ${font.size}px ${FONT}`;
    const measure = (s: string) => Math.ceil(ctx.measureText(s).width);
    const widths: number[] = [];
    for (const raw of text.split('\n')) {
      const whole = measure(raw);
      if (font.wrap !== 'wrap' || whole <= font.maxWidth) {
        widths.push(font.wrap === 'ellipsis' ? Math.min(whole, font.maxWidth) : whole);
        if (font.wrap === 'ellipsis') break;
        continue;
      }
      const line = font.anywhere ? raw.split('').join('\u200b') : raw;
      let subline = '';
      let previous = 0;
      for (const match of line.matchAll(/[\s\u200b]+|$/g)) {
        const word = line.substring(previous, match.index);
        previous = match.index + match[0].length;
        const test = subline.length === 0 ? word : subline + word + match[0];
        if (measure(test) <= font.maxWidth) subline += word + match[0];
        else {
          // Cytoscape keeps the separator at a line's end, and measures it.
          if (subline) widths.push(measure(subline));
          subline = word + match[0];
        }
      }
      if (!/^[\s\u200b]*$/.test(subline)) widths.push(measure(subline));
    }
    const size = {
      width: Math.max(0, ...widths) + 2,
      height: Math.max(1, widths.length) * font.size + 2,
    };
    cache.set(key, size);
    return size;
  };
}
