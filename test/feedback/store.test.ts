import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { createFeedbackStore } from '../../src/feedback/store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'veileder-feedback-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the feedback store', () => {
  it('gives back an answer with its language and warnings, to redraw it after a vote', async () => {
    const store = createFeedbackStore(':memory:');
    const answer = await ask('Who is responsible for naloxone in Nordstrand?');
    expect(answer.warnings.length).toBeGreaterThan(0);
    const id = (await store.record(answer, 'slack'))!;
    expect(await store.get(id)).toMatchObject({ language: 'en', warnings: answer.warnings, question: answer.question });
    await store.close();
  });

  it('opens a database made before language and warnings were stored, and keeps its answers', async () => {
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE answers (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, channel TEXT NOT NULL,
      question TEXT NOT NULL, answer TEXT NOT NULL, found INTEGER NOT NULL, citations TEXT NOT NULL,
      vote TEXT, voted_at TEXT, comment TEXT)`);
    old.prepare("INSERT INTO answers VALUES ('a1', '2026-01-01T00:00:00Z', 'web', 'Hva er FACT?', 'Svar', 1, '[]', 'down', NULL, NULL)").run();
    old.close();
    const store = createFeedbackStore(file);
    expect(await store.get('a1')).toMatchObject({ question: 'Hva er FACT?', language: 'nb', warnings: [], vote: 'down' });
    expect((await store.report()).map((a) => a.id)).toEqual(['a1']);
    await store.close();
  });
});
