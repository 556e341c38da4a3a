import { spawnSync } from 'node:child_process';

/**
 * Converts an office file to PDF with LibreOffice, headless, with a profile of its own in
 * `dir` (so runs side by side never share one), writing `<name>.pdf` into `dir`.
 */
export function libreOfficeToPdf(file: string, dir: string) {
  return spawnSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${dir}/lo-profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { encoding: 'utf8', timeout: 240_000 },
  );
}
