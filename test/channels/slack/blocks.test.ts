import { describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import type { Answer, Citation } from '../../../src/answer/types.js';
import { answerMessage, LIMITS } from '../../../src/channels/slack/blocks.js';
import { blockTexts, citationBlocks, feedbackButtons } from './support/blocks.js';

const ID = '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/** A real answer from ask(), with one field at a time made hostile or huge. */
async function realAnswer(question = 'Hva er tiltak 10S i Tryggere liv?'): Promise<Answer> {
  const a = await ask(question);
  expect(a.citations.length).toBeGreaterThan(0);
  return a;
}

function limitsHold(msg: ReturnType<typeof answerMessage>) {
  expect(msg.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(msg.text.length).toBeGreaterThan(0);
  expect(msg.text.length).toBeLessThanOrEqual(4_000);
  for (const t of blockTexts(msg.blocks)) expect(t.length).toBeLessThanOrEqual(LIMITS.textChars);
  for (const b of msg.blocks) if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
}

describe('Slack Block Kit builder', () => {
  it('renders ask()’s citations as `[n] plan title · tiltak id · unit · period`', async () => {
    const a = await realAnswer();
    const lines = citationBlocks(answerMessage(a, { answerId: ID }).blocks);
    const c = a.citations[0]!;
    expect(lines[0]).toBe(`[1] ${c.documentTitle} · tiltak ${c.measureId} · ${c.responsible.join(', ')}${c.accountable.length ? ` (${c.accountable.join(', ')})` : ''} · ${c.period}`);
  });

  it('escapes mentions, broadcasts and &<> from the answer and the corpus so nothing pings or breaks', async () => {
    const a = await realAnswer();
    const hostile: Answer = {
      ...a,
      answer: `${a.answer} <!channel> <@U0BOSS> @here <https://evil.example|klikk> & <b>`,
      citations: [{ ...a.citations[0]!, documentTitle: 'Plan <!everyone> & co', responsible: ['<@U0X>'], text: '<!here> tekst' }],
      warnings: ['<!channel> advarsel'],
    };
    const msg = answerMessage(hostile, { answerId: ID });
    const wire = JSON.stringify(msg);
    for (const bad of ['<!channel>', '<@U0BOSS>', '<!everyone>', '<@U0X>', '<!here>', '<https://evil.example|klikk>', '<b>']) {
      expect(wire).not.toContain(bad);
    }
    expect(wire).not.toMatch(/(?<!\\u2060|\u2060)@here/);
    expect(msg.text).toContain('&lt;!channel&gt; &lt;@U0BOSS&gt;');
    expect(blockTexts(msg.blocks).join('\n')).toContain('Plan &lt;!everyone&gt; &amp; co');
  });

  it('links the plan title where the citation has an http(s) URL, and only then', async () => {
    const a = await realAnswer();
    const withUrl = (url: string | null): Citation => ({ ...a.citations[0]!, url });
    const line = (url: string | null) => citationBlocks(answerMessage({ ...a, citations: [withUrl(url)] }, { answerId: ID }).blocks)[0]!;
    expect(line('https://www.oslo.kommune.no/plan?a=1|2')).toContain(`<https://www.oslo.kommune.no/plan?a=1%7C2|${a.citations[0]!.documentTitle}>`);
    expect(line('javascript:alert(1)')).not.toContain('<javascript');
    expect(line(null)).toMatch(/^\[1\] [^<]/);
  });

  it('marks a cited plan whose period has ended, and shows ask()’s warnings', async () => {
    const a = await ask('Hvem har ansvar for nalokson-utdeling på Nordstrand?');
    const cited = a.citations.find((c) => c.expired);
    expect(cited).toBeDefined();
    const msg = answerMessage(a, { answerId: ID });
    const line = citationBlocks(msg.blocks)[a.citations.indexOf(cited!)];
    expect(line).toMatch(/ · ⚠️ planperioden er over$/);
    for (const w of a.warnings) expect(blockTexts(msg.blocks)).toContain(`⚠️ ${w}`);
    const current = { ...a, citations: a.citations.map((c) => ({ ...c, expired: false })) };
    expect(citationBlocks(answerMessage(current, { answerId: ID }).blocks).join('\n')).not.toContain('planperioden er over');
  });

  it('stays within Slack’s limits for a huge answer with many sources', async () => {
    const a = await realAnswer();
    const huge: Answer = {
      ...a,
      answer: `${'Velferdsetaten & bydelene '.repeat(2_000)}${'x'.repeat(5_000)}`,
      citations: Array.from({ length: 60 }, (_, i) => ({ ...a.citations[0]!, measureId: `${i + 1}S`, text: 'y'.repeat(5_000) })),
      warnings: Array.from({ length: 20 }, (_, i) => `advarsel ${i}`),
    };
    const msg = answerMessage(huge, { answerId: ID });
    limitsHold(msg);
    expect(citationBlocks(msg.blocks)).toHaveLength(LIMITS.citations);
    expect(blockTexts(msg.blocks).join('\n')).toContain('… og 50 kilder til.');
    expect(feedbackButtons(msg.blocks)).toHaveLength(2);
  });

  it('labels an English answer in English', async () => {
    const a = await ask('Who is responsible for measure 10S in Tryggere liv?');
    expect(a.language).toBe('en');
    const msg = answerMessage(a, { answerId: ID, shareable: true });
    expect(feedbackButtons(msg.blocks).map((b) => b.text.text)).toEqual(['Helpful', 'Not helpful', 'Share in channel']);
    expect(feedbackButtons(msg.blocks).map((b) => b.accessibility_label).slice(0, 2)).toEqual(['The answer was helpful', 'The answer was not helpful']);
  });

  it('puts 👍/👎 in Slack’s feedback_buttons inside a context_actions block, each half naming the answer and its vote', async () => {
    const a = await realAnswer();
    const msg = answerMessage(a, { answerId: ID });
    const block = msg.blocks.find((b) => b.type === 'context_actions') as { elements: Array<{ type: string; action_id: string }> } | undefined;
    expect(block?.elements.map((e) => [e.type, e.action_id])).toEqual([['feedback_buttons', 'veileder_feedback']]);
    const [up, down] = feedbackButtons(msg.blocks);
    expect(JSON.parse(up!.value)).toEqual({ answerId: ID, language: 'nb', vote: 'up' });
    expect(JSON.parse(down!.value)).toEqual({ answerId: ID, language: 'nb', vote: 'down' });
    expect(msg.blocks.filter((b) => b.type === 'actions')).toEqual([]);
  });

  it('gives every message drawn block_ids of its own', async () => {
    const a = await realAnswer();
    const ids = (m: ReturnType<typeof answerMessage>) => m.blocks.map((b) => b.block_id).filter(Boolean);
    const first = ids(answerMessage(a, { answerId: ID, shareable: true }));
    const second = ids(answerMessage(a, { answerId: ID, shareable: true }));
    const voted = ids(answerMessage(a, { answerId: ID, shareable: true, voted: 'up' }));
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(first.length);
    for (const id of first) {
      expect(second).not.toContain(id);
      expect(voted).not.toContain(id);
    }
  });

  it('replaces the buttons with a thank-you after a vote, keeping the share button on ephemeral answers', async () => {
    const a = await realAnswer();
    const voted = answerMessage(a, { answerId: ID, voted: 'down', shareable: true });
    expect(feedbackButtons(voted.blocks).map((b) => b.action_id)).toEqual(['veileder_share']);
    expect(blockTexts(voted.blocks).join('\n')).toContain('👎 Takk for tilbakemeldingen!');
  });
});
