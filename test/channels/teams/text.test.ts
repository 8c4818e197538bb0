import { describe, expect, it } from 'vitest';
import { escapeCardText, escapeMarkdown, stripMentions, truncate } from '../../../src/channels/teams/text.js';

describe('escapeMarkdown (user and corpus text in a Teams message)', () => {
  it('turns mentions and HTML into literal text', () => {
    expect(escapeMarkdown('<at>Alle</at> <img src=x onerror=alert(1)>')).toBe(
      '&lt;at&gt;Alle&lt;/at&gt; &lt;img src=x onerror=alert(1)&gt;',
    );
  });
  it('neutralises links, emphasis, code, headings and list markers', () => {
    expect(escapeMarkdown('[klikk](https://evil.example) **fet** _kursiv_ `kode` ~~x~~')).toBe(
      '\\[klikk\\](https://evil.example) \\*\\*fet\\*\\* \\_kursiv\\_ \\`kode\\` \\~\\~x\\~\\~',
    );
    expect(escapeMarkdown('# Overskrift\n- punkt\n1. nummer')).toBe('\\# Overskrift\n\\- punkt\n1\\. nummer');
  });
  it('leaves ordinary Norwegian text alone', () => {
    const text = 'Velferdsetaten (SET) har ansvaret for tiltak 10S i perioden 2026–2029, jf. Oslostandarden.';
    expect(escapeMarkdown(text)).toBe(text);
  });
  it('escapes & so entities cannot be smuggled in', () => {
    expect(escapeMarkdown('&lt;at&gt;')).toBe('&amp;lt;at&amp;gt;');
  });
});

describe('escapeCardText (Adaptive Card TextBlocks and facts)', () => {
  it('neutralises Markdown links and emphasis, keeps < as is (cards render no HTML)', () => {
    expect(escapeCardText('[x](https://evil.example) *a* <at>b</at>')).toBe('\\[x\\](https://evil.example) \\*a\\* <at>b</at>');
  });
});

describe('stripMentions', () => {
  const bot = { id: '28:bot', name: 'Veileder' };
  const mention = { type: 'mention', text: '<at>Veileder</at>', mentioned: bot };
  it('removes the bot mention wherever it stands', () => {
    expect(stripMentions('<at>Veileder</at> Hva er tiltak 10S?', [mention], bot.id)).toBe('Hva er tiltak 10S?');
    expect(stripMentions('Hva er tiltak 10S, <at>Veileder</at>?', [mention], bot.id)).toBe('Hva er tiltak 10S, ?');
  });
  it('keeps other people as plain names', () => {
    const other = { type: 'mention', text: '<at>Kari</at>', mentioned: { id: '29:kari' } };
    expect(stripMentions('<at>Veileder</at> spør <at>Kari</at>&nbsp;om tiltak 11', [mention, other], bot.id)).toBe(
      'spør Kari om tiltak 11',
    );
  });
  it('strips the bot when the entity says <at>@Name</at> and the message <at>Name</at> (or the other way)', () => {
    const atEntity = { type: 'mention', text: '<at>@Veileder</at>', mentioned: bot };
    expect(stripMentions('<at>Veileder</at> Hva er tiltak 10S?', [atEntity], bot.id)).toBe('Hva er tiltak 10S?');
    expect(stripMentions('<at>@Veileder</at> Hva er tiltak 10S?', [mention], bot.id)).toBe('Hva er tiltak 10S?');
    expect(stripMentions('<at>veileder</at>&nbsp;Hva er tiltak 10S?', [atEntity], bot.id, 'Veileder')).toBe('Hva er tiltak 10S?');
    // Another person's mention is still kept, whatever the bot's entity says.
    expect(stripMentions('<at>@Veileder</at> spør <at>Kari</at>', [atEntity], bot.id)).toBe('spør Kari');
  });
  it('gives an empty question for a bare mention', () => {
    expect(stripMentions(' <at>Veileder</at>  ', [mention], bot.id)).toBe('');
  });
});

describe('truncate', () => {
  it('cuts on code points and ends with an ellipsis', () => {
    expect(truncate('Grünerløkka 👍 plan', 14)).toBe('Grünerløkka 👍…');
    expect(truncate('kort', 10)).toBe('kort');
  });
});
