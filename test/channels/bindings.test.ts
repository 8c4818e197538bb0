import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BindingsFileError, districtOf, fileBindings } from '../../src/channels/bindings.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'veileder-bindings-'));

describe('channel → district bindings (file store)', () => {
  it('keeps a binding across a restart, and forgets it when removed', async () => {
    const d = dir();
    await fileBindings(d).set('slack:T1:C1', 'Nordstrand', 'U0ADMIN');
    const again = fileBindings(d);
    expect(await again.get('slack:T1:C1')).toMatchObject({ district: 'Nordstrand', by: 'U0ADMIN' });
    expect(await again.get('slack:T1:C2')).toBeNull();
    await again.set('slack:T1:C1', null, 'U0ADMIN');
    expect(await fileBindings(d).list()).toEqual({});
    expect(JSON.parse(readFileSync(path.join(d, 'channel-districts.json'), 'utf8'))).toEqual({ version: 1, bindings: {} });
  });

  it('stops with a message naming the file when it is broken', () => {
    const d = dir();
    writeFileSync(path.join(d, 'channel-districts.json'), '{"version":1,"bindings":{"x":{"district":""}}}');
    expect(() => fileBindings(d)).toThrow(BindingsFileError);
    expect(() => fileBindings(d)).toThrow(/channel-districts\.json: kanalbindingene kan ikke leses/);
  });

  it('reads one district from a name, misspelt or not, and none from two', () => {
    expect(districtOf('Nordstrand')).toBe('Nordstrand');
    expect(districtOf('bydel Gamle Oslo')).toBe('Gamle Oslo');
    expect(districtOf('Søndre Nordstrand')).toBe('Søndre Nordstrand');
    expect(districtOf('Nordstrand og Alna')).toBeNull();
    expect(districtOf('Atlantis')).toBeNull();
  });
});
