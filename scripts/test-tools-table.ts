/**
 * Every outside command the tests, scripts, benchmarks and server run, and the Debian
 * package that provides it. scripts/ensure-test-tools.ts installs what is missing from this
 * table; tests/unit/test-tools-table.test.ts fails when code spawns a command it lacks.
 */
export interface OutsideCommand {
  command: string;
  /** The Debian/Ubuntu package that provides it. */
  debianPackage: string;
  /** Who runs it, so a reader knows whether it can go. */
  usedBy: string;
}

export const OUTSIDE_COMMANDS: readonly OutsideCommand[] = [
  { command: 'pdfinfo', debianPackage: 'poppler-utils', usedBy: 'PDF export tests' },
  { command: 'pdftotext', debianPackage: 'poppler-utils', usedBy: 'PDF export tests' },
  { command: 'pdffonts', debianPackage: 'poppler-utils', usedBy: 'PDF export tests' },
  { command: 'xmllint', debianPackage: 'libxml2-utils', usedBy: 'GraphML, GEXF and SVG checks' },
  {
    command: 'docker-compose',
    debianPackage: 'docker-compose',
    usedBy: 'docker-compose.yml check',
  },
  { command: 'chromium', debianPackage: 'chromium', usedBy: 'PDF export, browser tests' },
  { command: 'fc-list', debianPackage: 'fontconfig', usedBy: 'the Japanese font check' },
  { command: 'soffice', debianPackage: 'libreoffice-impress', usedBy: '.pptx export tests' },
  { command: 'openssl', debianPackage: 'openssl', usedBy: 'TLS header test (a throwaway cert)' },
  { command: 'ps', debianPackage: 'procps', usedBy: 'bundled Neo4j process checks' },
];

/** Without a CJK font Chromium draws the plan's Japanese labels as empty boxes. */
export const JAPANESE_FONT_PACKAGE = 'fonts-noto-cjk';

/**
 * What must be there before npm test can install anything: README "Prerequisites" names
 * them. The test set-up checks them and says what to install; it does not install them.
 */
export const PREREQUISITES: readonly string[] = [
  'node',
  'npm',
  'npx',
  'java',
  'mvn',
  'apt-get',
  'git',
];
