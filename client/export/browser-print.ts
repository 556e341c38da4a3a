import { type Orientation, type PaperName, paperSizeMm } from '../../core/model/paper';

/**
 * SVG pages handed to the browser's own print dialog, one per sheet, for a copy with no
 * server to print PDFs (a published site): the reader chooses "Save as PDF" there. The
 * pages go in as pictures (img from a Blob), never as markup, in a hidden frame that is
 * removed once the dialog closes.
 */
export async function printInBrowser(
  svgs: string[],
  title: string,
  paper: PaperName,
  orientation: Orientation,
): Promise<void> {
  const { width, height } = paperSizeMm(paper, orientation);
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;visibility:hidden';
  document.body.append(frame);
  const doc = frame.contentDocument!;
  const win = frame.contentWindow!;
  doc.title = title;
  const style = doc.createElement('style');
  style.textContent = `@page{size:${width}mm ${height}mm;margin:0}body{margin:0}img{display:block;width:${width}mm;height:${height}mm;break-after:page}`;
  doc.head.append(style);
  const urls = svgs.map((svg) => URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })));
  const pictures = urls.map((url) => {
    const img = doc.createElement('img');
    img.src = url;
    doc.body.append(img);
    return img.decode();
  });
  await Promise.all(pictures);
  win.addEventListener('afterprint', () => {
    for (const url of urls) URL.revokeObjectURL(url);
    frame.remove();
  });
  win.print();
}
