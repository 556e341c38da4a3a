import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import type { BriefBox, BriefPage } from './brief-model';
import { anchors, kindColour, relStyle, tint } from './brief-svg';
import { BRIEF_FONTS } from './brief-text';

/**
 * The same pages as an editable PowerPoint deck (pptxgenjs): each node a rounded
 * rectangle holding its label, each relationship a connector glued to its two shapes,
 * the title, legend and footer as text boxes, one slide per page.
 *
 * pptxgenjs draws lines but has no connectors (it never writes <p:cxnSp>), so a moved
 * shape would leave its lines behind. The one post-processing step below turns each
 * line it wrote into a connector whose stCxn/endCxn name the shapes' ids and their
 * left/right connection sites (ECMA-376 §19.3.1.19, §20.1.2.2.36), editing the slide
 * XML inside the zip with JSZip.
 */

const inch = (pt: number) => pt / 72;
const hex = (colour: string) => colour.replace('#', '').toUpperCase();
const LINE_DASH = { solid: 'solid', dashed: 'dash', dotted: 'sysDot' } as const;

/** Connection sites of a rectangle: 0 top, 1 left, 2 bottom, 3 right. */
const SITE = { left: 1, right: 3 } as const;

function addBox(slide: PptxGenJS.Slide, b: BriefBox, index: number, font: string): void {
  const colour = kindColour(b.kind);
  slide.addText(b.label, {
    shape: 'roundRect' as PptxGenJS.ShapeType,
    rectRadius: 0.06,
    x: inch(b.x),
    y: inch(b.y),
    w: inch(b.w),
    h: inch(b.h),
    fill: { color: hex(tint(colour)) },
    line: { color: hex(colour), width: 1.2 },
    fontFace: font,
    fontSize: b.fontSize,
    color: '1B1F24',
    valign: 'middle',
    margin: 3,
    fit: 'none',
    objectName: `node-${index}`,
  });
}

export async function pagesToPptx(pages: BriefPage[], title: string): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  const first = pages[0]!;
  pptx.defineLayout({ name: 'KIZUNA', width: inch(first.width), height: inch(first.height) });
  pptx.layout = 'KIZUNA';
  pptx.title = title;
  pptx.company = 'Kizuna';
  for (const page of pages) {
    const slide = pptx.addSlide();
    const font = (BRIEF_FONTS[page.lang].split(',')[0] ?? 'Arial').replace(/'/g, '').trim();
    const index = new Map(page.boxes.map((b, i) => [b.id, i]));
    page.boxes.forEach((b, i) => {
      addBox(slide, b, i, font);
    });
    for (const link of page.links) {
      const from = page.boxes[index.get(link.from) ?? -1];
      const to = page.boxes[index.get(link.to) ?? -1];
      if (!from || !to) continue;
      const { x1, y1, x2, y2, forward } = anchors(from, to);
      const style = relStyle(link.type);
      slide.addShape('line' as PptxGenJS.ShapeType, {
        x: inch(Math.min(x1, x2)),
        y: inch(Math.min(y1, y2)),
        w: inch(Math.abs(x2 - x1)),
        h: inch(Math.abs(y2 - y1)),
        flipH: x2 < x1,
        flipV: y2 < y1,
        line: {
          color: hex(style.colour),
          width: Math.min(style.width, 2.5),
          dashType: LINE_DASH[style.line],
        },
        objectName: `link-${index.get(link.from)}-${forward ? SITE.right : SITE.left}-${index.get(link.to)}-${forward ? SITE.left : SITE.right}`,
      });
    }
    for (const r of page.rules ?? [])
      slide.addShape('line' as PptxGenJS.ShapeType, {
        x: inch(r.x),
        y: inch(r.y),
        w: inch(r.width),
        h: 0,
        line: { color: 'C5CCD6', width: 0.6 },
      });
    for (const t of page.texts) {
      slide.addText(t.lines.join(page.lang === 'ja' ? '' : ' '), {
        x: inch(t.x),
        y: inch(t.y),
        w: inch(t.width),
        h: inch(t.lines.length * t.fontSize * 1.3 + 4),
        fontFace: font,
        fontSize: t.fontSize,
        bold: t.bold ?? false,
        color: hex(t.colour ?? '#1b1f24'),
        align: t.align === 'end' ? 'right' : 'left',
        valign: 'top',
        margin: 0,
      });
    }
    if (page.legend.length) {
      const landscape = page.width > page.height;
      slide.addText(
        [
          {
            text: page.lang === 'ja' ? '凡例' : 'Legend',
            options: { bold: true, breakLine: true },
          },
          ...page.legend.map((e, i) => ({
            text: `${e.mark === 'node' ? '■' : e.mark === 'solid' ? '━' : '╍'} ${e.label}`,
            options: { color: hex(e.colour), breakLine: i < page.legend.length - 1 },
          })),
        ],
        {
          x: inch(landscape ? page.width - 28 - 150 : 28),
          y: inch(landscape ? 76 : page.height - 60 - page.legend.length * 7),
          w: inch(150),
          h: inch(16 + page.legend.length * 13),
          fontFace: font,
          fontSize: 9,
          color: '1B1F24',
          valign: 'top',
          margin: 0,
        },
      );
    }
  }
  const written = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return connectShapes(written);
}

/** Turns the lines named link-… into connectors glued to the shapes named node-…. */
export async function connectShapes(pptxFile: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptxFile);
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  for (const name of slides) {
    const xml = await zip.file(name)!.async('string');
    const ids = new Map<string, string>();
    for (const m of xml.matchAll(/<p:cNvPr id="(\d+)" name="(node-\d+)"/g)) ids.set(m[2]!, m[1]!);
    const connected = xml.replace(
      /<p:sp>((?:(?!<\/p:sp>)[\s\S])*?)<\/p:sp>/g,
      (sp, inner: string) => {
        const named = /<p:cNvPr id="(\d+)" name="link-(\d+)-(\d)-(\d+)-(\d)"[^>]*?\/?>/.exec(inner);
        if (!named) return sp;
        const [cNvPr, , from, fromSite, to, toSite] = named;
        const start = ids.get(`node-${from}`);
        const end = ids.get(`node-${to}`);
        if (!start || !end) return sp;
        const body = inner
          .replace(/<p:nvSpPr>[\s\S]*?<\/p:nvSpPr>/, () =>
            [
              '<p:nvCxnSpPr>',
              cNvPr!.endsWith('/>') ? cNvPr : `${cNvPr}</p:cNvPr>`,
              `<p:cNvCxnSpPr><a:stCxn id="${start}" idx="${fromSite}"/><a:endCxn id="${end}" idx="${toSite}"/></p:cNvCxnSpPr>`,
              '<p:nvPr/></p:nvCxnSpPr>',
            ].join(''),
          )
          .replace('prst="line"', 'prst="straightConnector1"')
          .replace(/<p:txBody>[\s\S]*<\/p:txBody>/, '');
        return `<p:cxnSp>${body}</p:cxnSp>`;
      },
    );
    zip.file(name, connected);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
