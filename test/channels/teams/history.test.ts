import { describe, expect, it } from 'vitest';
import { createHistoryStore } from '../../../src/channels/teams/history.js';

describe('Teams conversation history', () => {
  it('keeps question and answer turns per conversation, oldest first, up to maxTurns', () => {
    const h = createHistoryStore({ maxTurns: 4 });
    h.addExchange('c1', 'q1', 'a1');
    h.addExchange('c1', 'q2', 'a2');
    h.addExchange('c1', 'q3', 'a3');
    h.addExchange('c2', 'other', 'x');
    expect(h.turns('c1')).toEqual([
      { role: 'user', text: 'q2' },
      { role: 'assistant', text: 'a2' },
      { role: 'user', text: 'q3' },
      { role: 'assistant', text: 'a3' },
    ]);
    expect(h.turns('c2')).toHaveLength(2);
    expect(h.turns('unknown')).toEqual([]);
  });

  it('forgets the least recently used conversation beyond maxConversations', () => {
    const h = createHistoryStore({ maxConversations: 2 });
    h.addExchange('a', 'q', 'a');
    h.addExchange('b', 'q', 'a');
    h.addExchange('a', 'q2', 'a2');
    h.addExchange('c', 'q', 'a');
    expect(h.turns('b')).toEqual([]);
    expect(h.turns('a')).toHaveLength(4);
  });

  it('shortens long turns and returns copies', () => {
    const h = createHistoryStore({ maxTurnChars: 5 });
    h.addExchange('a', 'abcdefgh', 'x');
    const turns = h.turns('a');
    expect(turns[0]!.text).toBe('abcde');
    turns[0]!.text = 'changed';
    expect(h.turns('a')[0]!.text).toBe('abcde');
  });

  it('links sent messages to stored answers, bounded', () => {
    const h = createHistoryStore({ maxLinks: 2 });
    h.link('m1', 'ans1');
    h.link('m2', 'ans2');
    h.link('m3', 'ans3');
    expect(h.answerIdOf('m1')).toBeUndefined();
    expect(h.answerIdOf('m3')).toBe('ans3');
  });
});
