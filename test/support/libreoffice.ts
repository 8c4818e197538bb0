import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Word → PDF the way a district makes its PDF: LibreOffice headless (Debian's
 * `libreoffice-writer-nogui`; .ci/run installs it). Tests that need it check `libreOffice()` first
 * and say clearly when it is missing on this machine; CI always has it.
 */

const run = promisify(execFile);

const CANDIDATES = [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];

/** The soffice binary, or null when LibreOffice is not installed here. */
export function libreOffice(): string | null {
  return CANDIDATES.find((c): c is string => Boolean(c && existsSync(c))) ?? null;
}

export const LIBREOFFICE_MISSING =
  'LibreOffice mangler på denne maskinen: installer den med `apt-get install -y libreoffice-writer-nogui` (CI gjør det i .ci/run) for å kjøre PDF-testene fra Word.';

/** Converts DOCX bytes to PDF bytes with LibreOffice headless (a private profile, so runs never collide). */
export async function docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
  const soffice = libreOffice();
  if (!soffice) throw new Error(LIBREOFFICE_MISSING);
  const dir = mkdtempSync(path.join(tmpdir(), 'veileder-lo-'));
  try {
    const input = path.join(dir, 'plan.docx');
    writeFileSync(input, docx);
    await run(
      soffice,
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: 120_000 },
    );
    return new Uint8Array(readFileSync(path.join(dir, 'plan.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
