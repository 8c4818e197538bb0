import { describe, expect, it } from 'vitest';
import { escapeInChunks, escapeMrkdwn, mrkdwnLink, toPlainText } from '../../../src/channels/slack/mrkdwn.js';

describe('Slack text formats', () => {
  it('turns message markup into what the person typed, dropping the bot’s own mention', () => {
    expect(toPlainText('<@UVEILEDER> Hva gjør <#C123|rusfeltet> med <https://x.no|planen> &amp; &lt;nalokson&gt;?', 'UVEILEDER'))
      .toBe('Hva gjør #rusfeltet med planen & <nalokson>?');
    expect(toPlainText('<@U0OTHER|kari> og <!here> spør', 'UVEILEDER')).toBe('@kari og @here spør');
  });

  it('escapes &, <, > and defuses @channel/@here/@everyone', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> @here')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; @\u2060here');
  });

  it('only links http(s) URLs and keeps | and > out of the link', () => {
    expect(mrkdwnLink('https://a.no/x|y>z', 'Plan & <b>')).toBe('<https://a.no/x%7Cy%3Ez|Plan &amp; &lt;b&gt;>');
    expect(mrkdwnLink('ftp://a.no', 'Plan')).toBe('Plan');
  });

  it('splits long text into escaped chunks within the limit without cutting an entity', () => {
    const chunks = escapeInChunks(`${'a&b '.repeat(400)}${'&'.repeat(900)}`, 300);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(300);
      expect(c).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(chunks.join(' ').replace(/\s+/g, '').replace(/&amp;/g, '&')).toBe(`${'a&b'.repeat(400)}${'&'.repeat(900)}`);
  });
});
