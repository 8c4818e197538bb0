import { describe, expect, it } from 'vitest';
import { createHistoryStore } from '../../../src/channels/teams/history.js';

describe('Teams conversation history', async () => {
  it('keeps question and answer turns per conversation, oldest first, up to maxTurns', async () => {
    const h = createHistoryStore({ maxTurns: 4 });
    await h.addExchange('c1', 'q1', 'a1');
    await h.addExchange('c1', 'q2', 'a2');
    await h.addExchange('c1', 'q3', 'a3');
    await h.addExchange('c2', 'other', 'x');
    expect(await h.turns('c1')).toEqual([
      { role: 'user', text: 'q2' },
      { role: 'assistant', text: 'a2' },
      { role: 'user', text: 'q3' },
      { role: 'assistant', text: 'a3' },
    ]);
    expect(await h.turns('c2')).toHaveLength(2);
    expect(await h.turns('unknown')).toEqual([]);
  });

  it('forgets the least recently used conversation beyond maxConversations', async () => {
    const h = createHistoryStore({ maxConversations: 2 });
    await h.addExchange('a', 'q', 'a');
    await h.addExchange('b', 'q', 'a');
    await h.addExchange('a', 'q2', 'a2');
    await h.addExchange('c', 'q', 'a');
    expect(await h.turns('b')).toEqual([]);
    expect(await h.turns('a')).toHaveLength(4);
  });

  it('shortens long turns and returns copies', async () => {
    const h = createHistoryStore({ maxTurnChars: 5 });
    await h.addExchange('a', 'abcdefgh', 'x');
    const turns = await h.turns('a');
    expect(turns[0]!.text).toBe('abcde');
    turns[0]!.text = 'changed';
    expect((await h.turns('a'))[0]!.text).toBe('abcde');
  });

  it('links sent messages to stored answers, bounded', async () => {
    const h = createHistoryStore({ maxLinks: 2 });
    await h.link('m1', 'ans1');
    await h.link('m2', 'ans2');
    await h.link('m3', 'ans3');
    expect(await h.answerIdOf('m1')).toBeUndefined();
    expect(await h.answerIdOf('m3')).toBe('ans3');
  });
});
