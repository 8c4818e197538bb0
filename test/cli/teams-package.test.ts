import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { TeamsManifest } from '../../src/channels/teams/manifest.js';
import { EXAMPLE_QUESTIONS } from '../../src/answer/examples.js';
import { runTeamsPackageCli } from '../../src/cli/teams-package.js';

const APP_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const tmp: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'veileder-teams-'));
  tmp.push(d);
  return d;
};
afterEach(() => {
  for (const d of tmp.splice(0)) rmSync(d, { recursive: true, force: true });
});

function run(argv: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const code = runTeamsPackageCli(argv, { stdout, stderr }, env);
  return { code, out: String(stdout.read() ?? ''), err: String(stderr.read() ?? '') };
}

/** RGBA pixels of a PNG written without row filters (as scripts/teams-icons.ts writes them). */
function pixels(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const buf = Buffer.from(png);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let i = 8; i < buf.length; ) {
    const len = buf.readUInt32BE(i);
    if (buf.toString('ascii', i + 4, i + 8) === 'IDAT') idat.push(buf.subarray(i + 8, i + 8 + len));
    i += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    rgba.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, rgba };
}

describe('npm run teams:package', () => {
  it('zips the filled, valid manifest and both icons at the zip root', () => {
    const out = path.join(tempDir(), 'pkg.zip');
    const { code, out: stdout } = run(['--app-id', APP_ID, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain(out);

    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en-US.json', 'manifest.json', 'outline.png']);
    const manifest = TeamsManifest.parse(JSON.parse(strFromU8(files['manifest.json']!)));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.bots[0]!.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = manifest.bots[0]!.commandLists!.flatMap((l) => l.commands.map((c) => c.title));
    expect(titles).toContain(EXAMPLE_QUESTIONS[0]);
    expect(strFromU8(files['manifest.json']!)).not.toContain('${{');
  });

  it('asks for no permissions (the bot sends no proactive messages and reads no identity) and declares nb-NO with English beside it', () => {
    const out = path.join(tempDir(), 'pkg.zip');
    expect(run(['--app-id', APP_ID, '--out', out]).code).toBe(0);
    const files = unzipSync(readFileSync(out));
    const manifest = TeamsManifest.parse(JSON.parse(strFromU8(files['manifest.json']!)));
    expect(manifest.permissions ?? []).toEqual([]);
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nb-NO',
      additionalLanguages: [{ languageTag: 'en-US', file: 'en-US.json' }],
    });
    const english = JSON.parse(strFromU8(files['en-US.json']!)) as Record<string, string>;
    expect(english['name.short']).toBe('Veileder');
    // Every command has its English title and description, and the English differs from the bokmål.
    const commands = manifest.bots[0]!.commandLists![0]!.commands;
    commands.forEach((c, i) => {
      expect(english[`bots[0].commandLists[0].commands[${i}].title`]).toBeTruthy();
      expect(english[`bots[0].commandLists[0].commands[${i}].description`]).not.toBe(c.description);
    });
  });

  it('refuses a localization file that translates a field the manifest does not have', () => {
    const dir = tempDir();
    cpSync('teams', dir, { recursive: true });
    const english = JSON.parse(readFileSync(path.join(dir, 'en-US.json'), 'utf8'));
    english['bots[0].commandLists[0].commands[9].title'] = 'Ghost';
    writeFileSync(path.join(dir, 'en-US.json'), JSON.stringify(english));
    const { code, err } = run(['--app-id', APP_ID, '--dir', dir, '--out', path.join(dir, 'x.zip')]);
    expect(code).toBe(1);
    expect(err).toContain('commands[9].title');
  });

  it('takes the app id from MICROSOFT_APP_ID and writes to DATA_DIR/veileder-teams.zip', () => {
    const dataDir = tempDir();
    const { code } = run([], { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x', DATA_DIR: dataDir });
    expect(code).toBe(0);
    const files = unzipSync(readFileSync(path.join(dataDir, 'veileder-teams.zip')));
    expect(JSON.parse(strFromU8(files['manifest.json']!)).id).toBe(APP_ID);
  });

  it('ships a 192×192 colour icon and a 32×32 outline icon that is white on transparent', () => {
    const color = pixels(readFileSync('teams/color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.rgba.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);

    const outline = pixels(readFileSync('teams/outline.png'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const alphas = outline.rgba.filter((_, i) => i % 4 === 3);
    expect(outline.rgba.filter((_, i) => i % 4 !== 3).every((v) => v === 255)).toBe(true);
    expect(alphas.some((a) => a === 0)).toBe(true);
    expect(alphas.some((a) => a === 255)).toBe(true);
  });

  it('tells the user where to find the app id when none is given', () => {
    const { code, err } = run(['--out', path.join(tempDir(), 'x.zip')]);
    expect(code).toBe(1);
    expect(err).toMatch(/Mangler app-id: sett MICROSOFT_APP_ID .* --app-id/);
  });

  it('refuses an app id that is not a GUID, naming the fields', () => {
    const { code, err } = run(['--app-id', 'veileder-bot', '--out', path.join(tempDir(), 'x.zip')]);
    expect(code).toBe(1);
    expect(err).toContain('id: id må være en GUID');
    expect(err).toContain('bots.0.botId');
  });

  it('refuses an icon of the wrong size', () => {
    const dir = tempDir();
    cpSync('teams', dir, { recursive: true });
    writeFileSync(path.join(dir, 'outline.png'), readFileSync('teams/color.png'));
    const { code, err } = run(['--app-id', APP_ID, '--dir', dir, '--out', path.join(dir, 'x.zip')]);
    expect(code).toBe(1);
    expect(err).toContain('outline.png er 192×192; Teams krever 32×32');
  });

  it('explains unknown options', () => {
    const { code, err } = run(['--appid', APP_ID]);
    expect(code).toBe(1);
    expect(err).toContain('Bruk:');
  });
});
