import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../../src/channels/slack/question.js';

describe('parseQuestion', () => {
  it('keeps what the person asked, without the bot’s mention', () => {
    expect(parseQuestion('<@UVEILEDER>   Hvem deler ut nalokson?', 'UVEILEDER')).toBe('Hvem deler ut nalokson?');
  });

  it('finds no question in a bare mention, emoji or punctuation', () => {
    for (const raw of ['<@UVEILEDER>', '  ', ':wave: :+1:', '???', undefined]) expect(parseQuestion(raw, 'UVEILEDER')).toBeUndefined();
  });
});
