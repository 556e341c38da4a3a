import { nothing, render, type TemplateResult } from 'lit-html';

/**
 * Puts a message in a live region (role alert or status) as new content. A screen reader reads
 * a region out when its content is replaced; lit-html would leave the same words untouched, so
 * a message repeated word for word (the same refusal twice) would go unsaid.
 */
export function announce(message: TemplateResult | string | typeof nothing, region: HTMLElement) {
  render(nothing, region);
  render(message, region);
}
