import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { startTestServer, type TestServer } from '../support/web-server.js';
import { launchChromium, type Browser } from './browser.js';
import { ChatPage, type AnswerView } from './chat-page.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the page must show for an Answer: its text, and one numbered source per citation. */
function expectShown(view: AnswerView, answer: Answer): void {
  expect(view.text).toBe(answer.answer);
  expect(view.sources).toHaveLength(answer.citations.length);
  answer.citations.forEach((c, i) => {
    const shown = view.sources[i]!;
    expect(shown.title).toContain(`[${i + 1}]`);
    expect(shown.title).toContain(c.documentTitle);
    expect(shown.title).toContain(c.period);
    if (c.measureId) expect(shown.measure).toContain(`Tiltak ${c.measureId}`);
    for (const unit of c.responsible) expect(shown.unit).toContain(unit);
    expect(shown.text).toBe(c.text);
  });
}

describe('the web chat in Chromium', () => {
  it('answers three questions with their sources, follows up, takes a vote, and takes a screenshot', async () => {
    const page = await browser.context.newPage();
    const chat = await ChatPage.open(page, server.url);
    const examples = await chat.examples();
    expect(examples.length).toBeGreaterThanOrEqual(3);

    /** The answer shown is what ask() gives for the question, with the history the page sent along. */
    const expectTurn = async (view: AnswerView, question: string) => {
      expect(view.sent.question).toBe(question);
      const expected = await server.ask(question, { history: view.sent.history, filters: view.sent.filters, channel: 'web' });
      expectShown(view, expected);
      return expected;
    };

    // 1: a first-visit example, clicked
    const first = await chat.clickExample(0);
    expect(await chat.welcomeVisible()).toBe(false);
    const firstAnswer = await expectTurn(first, examples[0]!);
    expect(first.sent.history).toEqual([]);
    expect(firstAnswer.citations.length).toBeGreaterThan(0);

    // 2 and 3: typed, sent with Enter; the history of the conversation goes along
    const measure = await chat.ask('Hva er tiltak 10S?');
    await expectTurn(measure, 'Hva er tiltak 10S?');
    expect(measure.sources[0]).toMatchObject({
      title: expect.stringContaining('Tryggere liv'),
      measure: expect.stringContaining('Tiltak 10S'),
      unit: expect.stringContaining('Velferdsetaten'),
    });
    await expectTurn(await chat.ask('Hva står TSB for?'), 'Hva står TSB for?');

    // a follow-up in the same conversation: the earlier turns go along
    const followUp = await chat.ask('Og hvem har ansvaret for det?');
    await expectTurn(followUp, 'Og hvem har ansvaret for det?');
    expect(followUp.sent.history?.filter((t) => t.role === 'user').map((t) => t.text)).toEqual([
      examples[0],
      'Hva er tiltak 10S?',
      'Hva står TSB for?',
    ]);
    expect(await chat.userMessages()).toEqual([examples[0], 'Hva er tiltak 10S?', 'Hva står TSB for?', 'Og hvem har ansvaret for det?']);

    // 👍 on the first answer lands in the shared feedback store
    expect(await chat.vote(first, 'up')).toMatch(/Takk/);
    const answerId = await first.locator.getAttribute('data-answer-id');
    expect(await server.feedback.get(answerId!)).toMatchObject({ vote: 'up', channel: 'web', answer: firstAnswer.answer });

    // The README's picture is rewritten only on request (UPDATE_SCREENSHOT=1), so a test run leaves the
    // work tree as it was; otherwise the screenshot goes to test-results/.
    const shot = process.env.UPDATE_SCREENSHOT === '1' ? 'docs/screenshot.png' : 'test-results/screenshot.png';
    mkdirSync(path.dirname(shot), { recursive: true });
    await chat.newConversation();
    await chat.vote(await chat.ask(examples[0]!), 'up');
    await chat.screenshot(shot, 900);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it('shows an injected <img onerror> in a question as text and never runs it', async () => {
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const chat = await ChatPage.open(page, server.url);
    const question = '<img src=x onerror="window.__pwned=1;alert(1)"> Hva er tiltak 10S?';
    const view = await chat.ask(question);
    expect(await chat.userMessages()).toEqual([question]);
    expectShown(view, await server.ask(question, { channel: 'web' }));
    expect(await chat.injectedElementCount()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('sends the district filter with the question', async () => {
    const page = await browser.context.newPage();
    const chat = await ChatPage.open(page, server.url);
    await chat.filterByOwner('Bydel Nordstrand');
    const question = 'Hvem har ansvar for oppfølging etter overdose?';
    const view = await chat.ask(question);
    expect(view.sent.filters).toEqual({ owner: 'Bydel Nordstrand' });
    const expected = await server.ask(question, { filters: { owner: 'Bydel Nordstrand' }, channel: 'web' });
    expectShown(view, expected);
    for (const c of expected.citations) expect(c.owner).toBe('Bydel Nordstrand');
    await page.close();
  });

  it('frames an English answer in English: sources, measure, unit and the vote', async () => {
    const page = await browser.context.newPage();
    const chat = await ChatPage.open(page, server.url);
    const question = 'Who is responsible for measure 10S?';
    const view = await chat.ask(question);
    const expected = await server.ask(question, { channel: 'web' });
    expect(expected.language).toBe('en');
    expect(view.text).toBe(expected.answer);
    expect(view.sources[0]).toMatchObject({ measure: expect.stringContaining('Measure 10S'), unit: expect.stringContaining('Responsible: Velferdsetaten') });
    expect(await view.locator.locator('.sources-title').textContent()).toBe('Sources');
    expect(await chat.vote(view, 'down')).toMatch(/^Thank you/);
    await page.close();
  });

  it('is readable on a phone: nothing wider than the screen', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    const chat = await ChatPage.open(page, server.url);
    await chat.ask('Hvem har ansvar for nalokson på Nordstrand?');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
