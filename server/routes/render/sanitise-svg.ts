import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { xmlAttr, xmlText } from '../../../core/formats/xml';

/**
 * The SVG Kizuna draws (cytoscape-svg's drawing nested in composeDiagram's page), and
 * nothing else: the body is parsed as XML and written out again from an allow-list of
 * elements and attributes, so whatever reaches the print engine is markup we wrote.
 * Dropped on the way: scripts, foreign elements (HTML, <foreignObject>, <link>, <iframe>,
 * <meta>), <style>, <image>, <use>, <a>, event handlers, and every reference that is not
 * to a fragment of the same document (href="#…", url(#…)).
 */

const ELEMENTS = new Set([
  'svg',
  'g',
  'defs',
  'title',
  'desc',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'clipPath',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
  'mask',
]);

const ATTRIBUTES = new Set([
  'xmlns',
  'xmlns:xlink',
  'version',
  'id',
  'class',
  'lang',
  'xml:lang',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'dx',
  'dy',
  'width',
  'height',
  'viewBox',
  'preserveAspectRatio',
  'd',
  'points',
  'transform',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'opacity',
  'clip-path',
  'clip-rule',
  'clipPathUnits',
  'mask',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'alignment-baseline',
  'letter-spacing',
  'paint-order',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientUnits',
  'gradientTransform',
  'patternUnits',
  'patternTransform',
  'visibility',
  'display',
]);

/** A reference is allowed only to a fragment of the same document. */
const LOCAL_URL = /^url\(\s*['"]?#[\w.:-]+['"]?\s*\)$/;

function safeValue(name: string, value: string): boolean {
  // No escapes, no at-rules, and url() only as a local fragment.
  if (/[\\@]/.test(value)) return name === 'font-family' ? !/\\/.test(value) : false;
  if (/url\s*\(/i.test(value)) return LOCAL_URL.test(value.trim());
  if (/(?:javascript|data|https?|file|ftp)\s*:/i.test(value)) return false;
  return true;
}

type XmlNode = { [tag: string]: XmlNode[] | string } & { ':@'?: Record<string, string> };

/** How deep elements may nest: a Kizuna diagram nests a few levels; deeper is refused (a 400). */
export const MAX_SVG_NESTING = 100;

const parser = new XMLParser({
  maxNestedTags: MAX_SVG_NESTING,
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  allowBooleanAttributes: false,
});

export class UnsafeSvg extends Error {
  override name = 'UnsafeSvg';
}

function write(nodes: XmlNode[], out: string[]): void {
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ':@');
    if (!tag) continue;
    if (tag === '#text') {
      out.push(xmlText(String(node[tag])));
      continue;
    }
    if (!ELEMENTS.has(tag)) continue;
    const attrs = node[':@'] ?? {};
    const kept = Object.entries(attrs)
      .filter(([name, value]) => ATTRIBUTES.has(name) && safeValue(name, String(value)))
      .map(([name, value]) => ` ${name}="${xmlAttr(String(value))}"`)
      .join('');
    const children = node[tag];
    out.push(`<${tag}${kept}>`);
    if (Array.isArray(children)) write(children, out);
    out.push(`</${tag}>`);
  }
}

/**
 * The SVG rebuilt from the allow-list; throws UnsafeSvg (a 400) when the body is not
 * well-formed XML, declares a DOCTYPE (entities could expand without bound) or is not
 * one <svg> element.
 */
export function sanitiseSvg(svg: string): string {
  if (/<!DOCTYPE|<!ENTITY/i.test(svg))
    throw new UnsafeSvg('must not declare a DOCTYPE or entities');
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new UnsafeSvg(`is not well-formed XML (${valid.err.msg})`);
  let parsed: XmlNode[];
  try {
    parsed = parser.parse(svg) as XmlNode[];
  } catch (error) {
    // The parser's own limits (nesting depth) are the sender's fault, not the server's.
    throw new UnsafeSvg(
      /nested/i.test((error as Error).message)
        ? `nests elements more than ${MAX_SVG_NESTING} deep`
        : `could not be read (${(error as Error).message})`,
    );
  }
  const nodes = parsed.filter((n) => !('#text' in n && String(n['#text']).trim() === ''));
  if (nodes.length !== 1 || !('svg' in nodes[0]!)) {
    throw new UnsafeSvg('must be a single <svg> element');
  }
  const out: string[] = [];
  write(nodes, out);
  return out.join('');
}
