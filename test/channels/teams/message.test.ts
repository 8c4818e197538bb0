import { describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import { buildAnswerActivity } from '../../../src/channels/teams/reply.js';
import { escapeMarkdown } from '../../../src/channels/teams/text.js';
import { message } from './support/activities.js';
import { useTeamsBot } from './support/hooks.js';

const t = useTeamsBot();

const QUESTION = 'Hva er tiltak 10S?';

describe('Teams message → answer over the wire', () => {
  it('shows typing, then replies with the answer ask() gives, its [n] markers, citation entities and the feedback loop', async () => {
    const incoming = message({ serviceUrl: t.connector.serviceUrl, text: QUESTION });
    const res = await t.bot.post(incoming);
    expect(res.status).toBe(200);

    const expected = await ask(QUESTION, { channel: 'teams' });
    const [reply, sources] = await t.connector.waitFor('message', 2);
    const types = t.connector.requests.map((r) => r.body.type);
    expect(types[0]).toBe('typing');
    expect(types.indexOf('typing')).toBeLessThan(types.indexOf('message'));
    // Two messages, neither split by Teams: the answer (text, no attachments), then the sources card.
    expect(reply!.status).toBe(200);
    expect(sources!.status).toBe(200);
    expect(reply!.body.attachments ?? []).toEqual([]);

    // Sent as a reply in the same conversation, to the user's message.
    expect(reply!.conversationId).toBe(incoming.conversation.id);
    expect(reply!.replyToId).toBe(incoming.id);

    const body = reply!.body as Record<string, any>;
    expect(body.text).toBe(buildAnswerActivity(expected).text);
    for (let n = 1; n <= expected.citations.length; n++) expect(body.text).toContain(`[${n}]`);
    expect(body.channelData).toEqual({ feedbackLoop: { type: 'custom' } });

    // The AI label and the citations survive botbuilder's serializer (the entity mapper fix).
    const entity = body.entities[0];
    expect(entity).toMatchObject({ type: 'https://schema.org/Message', '@type': 'Message', additionalType: ['AIGeneratedContent'] });
    expect(entity.citation).toHaveLength(expected.citations.length);
    expected.citations.forEach((c, i) => {
      const cited = entity.citation[i];
      expect(cited.position).toBe(i + 1);
      expect(cited.appearance.name).toEqual(c.documentTitle.length <= 80 ? c.documentTitle : expect.stringMatching(/…$/));
      expect(cited.appearance.abstract.length).toBeLessThanOrEqual(160);
      if (c.measureId) expect(cited.appearance.keywords[0]).toBe(`Tiltak ${c.measureId}`);
      expect(cited.appearance.keywords).toContain(c.period);
    });
    expect(expected.citations.length).toBeGreaterThan(0);
    const attachments = (sources!.body as Record<string, any>).attachments;
    expect(attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(sources!.replyToId).toBe(incoming.id);
    const card = JSON.stringify(attachments[0].content);
    for (const c of expected.citations) expect(card).toContain(c.period);
  });

  it('names Tryggere liv, tiltak 10S and Velferdsetaten for «Hva er tiltak 10S?»', async () => {
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: QUESTION }));
    const [reply] = await t.connector.waitFor('message');
    const entity = (reply!.body as any).entities[0];
    expect(entity.citation[0].appearance.name).toMatch(/^Tryggere liv/);
    expect(entity.citation[0].appearance.keywords[0]).toBe('Tiltak 10S');
    expect(JSON.stringify(reply!.body)).toContain('Velferdsetaten');
  });

  it('labels the sources in English when the question is in English', async () => {
    const question = 'Who is responsible for measure 10S?';
    const expected = await ask(question, { channel: 'teams' });
    expect(expected.language).toBe('en');
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: question, conversationType: 'groupChat' }));
    const [reply, sources] = await t.connector.waitFor('message', 2);
    const body = reply!.body as any;
    expect(body.text).toBe(buildAnswerActivity(expected).text);
    expect(expected.citations.length).toBeGreaterThan(0);
    expect((sources!.body as any).attachments[0].content.body[0].text).toBe('Sources');
    expect(body.entities[0].citation[0].appearance.keywords[0]).toBe(`Measure ${expected.citations[0]!.measureId}`);
  });

  it('strips the @mention in a channel before asking and answers in the reply chain', async () => {
    const incoming = message({ serviceUrl: t.connector.serviceUrl, text: QUESTION, conversationType: 'channel', mentionBot: true });
    await t.bot.post(incoming);
    const [reply] = await t.connector.waitFor('message');
    expect(t.bot.askCalls.map((c) => c.question)).toEqual([QUESTION]);
    expect(reply!.conversationId).toBe('19:general@thread.tacv2;messageid=1700000000000');
    expect((reply!.body as any).text).toBe(buildAnswerActivity(await ask(QUESTION)).text);
  });

  it('strips the @mention also when the entity writes it <at>@Veileder</at> and the text <at>Veileder</at>', async () => {
    const incoming = message({ serviceUrl: t.connector.serviceUrl, text: QUESTION, conversationType: 'channel', mentionBot: true });
    incoming.entities = [{ type: 'mention', text: '<at>@Veileder</at>', mentioned: incoming.recipient }];
    await t.bot.post(incoming);
    expect(t.bot.askCalls.map((c) => c.question)).toEqual([QUESTION]);
  });

  it('passes earlier turns of the same chat as history, and none from another chat', async () => {
    const conversationId = 'a:1history-chat';
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: QUESTION, conversationId }));
    await t.connector.waitFor('message', 1);
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: 'Hvem har ansvaret for det?', conversationId }));
    await t.connector.waitFor('message', 2);
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: 'Hvem har ansvaret for det?', conversationId: 'a:1other-chat' }));
    await t.connector.waitFor('message', 3);

    const [first, second, other] = t.bot.askCalls;
    expect(first!.context?.history).toEqual([]);
    expect(second!.context?.history).toEqual([
      { role: 'user', text: first!.answer.question },
      { role: 'assistant', text: first!.answer.answer },
    ]);
    expect(other!.context?.history).toEqual([]);
    expect(second!.context?.channel).toBe('teams');
  });

  it('answers a message that is only a mention with help, without asking', async () => {
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: '   ', conversationType: 'channel', mentionBot: true }));
    const [reply] = await t.connector.waitFor('message');
    expect(t.bot.askCalls).toHaveLength(0);
    expect((reply!.body as any).text).toContain('Hva er tiltak 10S?');
    expect((reply!.body as any).channelData?.feedbackLoop).toBeUndefined();
    expect((reply!.body as any).channelData?.feedbackLoopEnabled).toBeUndefined();
  });

  it('leaves a huge message to ask() and shows the warnings it gives', async () => {
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: 'tiltak for unge med rus '.repeat(2_000) }));
    const [reply] = await t.connector.waitFor('message');
    const { answer } = t.bot.askCalls[0]!;
    expect(answer.warnings.length).toBeGreaterThan(0);
    for (const w of answer.warnings) expect((reply!.body as any).text).toContain(escapeMarkdown(w));
  });

  it('shows the personal-data warning and never sends the fødselsnummer back or into history', async () => {
    const conversationId = 'a:1pii-chat';
    const fnr = '13097248022'; // a checksum-valid (synthetic) fødselsnummer
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: `Hva er tiltak 10S? Bruker har fnr ${fnr}`, conversationId }));
    await t.connector.waitFor('message', 1);
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: 'Hvem har ansvaret?', conversationId }));
    await t.connector.waitFor('message', 2);
    expect(JSON.stringify(t.connector.requests)).not.toContain(fnr);
    expect(JSON.stringify(t.bot.askCalls[1]!.context?.history)).not.toContain(fnr);
    const first = t.bot.askCalls[0]!.answer;
    expect(first.warnings.length).toBeGreaterThan(0);
    expect((t.connector.sent('message')[0]!.body as any).text).toContain(escapeMarkdown(first.warnings[0]!));
  });

  it('never lets user or answer text inject mentions or Markdown links into the reply', async () => {
    const injected = '<at>Alle</at> **Viktig** [klikk](https://evil.example) hva er tiltak 10S?';
    await t.bot.post(message({ serviceUrl: t.connector.serviceUrl, text: injected }));
    const [reply] = await t.connector.waitFor('message');
    const text = (reply!.body as any).text as string;
    expect(text).not.toMatch(/<at>/i);
    expect(text).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/); // no unescaped [text](url)
    expect(text).not.toMatch(/(^|[^\\])\*\*/);
    // Only the bot's own mention is stripped: another person's mention is kept as a plain name.
    expect(t.bot.askCalls[0]!.question).toBe('Alle **Viktig** [klikk](https://evil.example) hva er tiltak 10S?');
  });
});
