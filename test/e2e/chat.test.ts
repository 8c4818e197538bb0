import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { standardsRegistry } from '../../src/corpus/standards.js';
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

  it('links each [n] in an answer to its source entry, and a standard to its public address', async () => {
    const page = await browser.context.newPage();
    const chat = await ChatPage.open(page, server.url);
    const question = 'Hvilke tiltak viser til Oslostandard for pårørendesamarbeid?';
    const view = await chat.ask(question);
    const expected = await server.ask(question, { channel: 'web' });
    expectShown(view, expected);
    expect(expected.citations.length).toBeGreaterThanOrEqual(3);

    // Every marker ask() wrote is a link, and each link lands on the source entry with that number.
    const markers = [...expected.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const links = await chat.citationLinks(view);
    expect(links.map((l) => l.text)).toEqual(markers.map(String));
    for (const link of links) expect(link.target).toBe(`[${link.text}] `);
    await view.locator.locator('a.cite').nth(1).click();
    const target = page.locator('.source:target');
    expect(await target.locator('.source-number').textContent()).toBe('[2] ');
    expect(await target.isVisible()).toBe(true);
    expect(await target.locator('.source-title strong').textContent()).toBe(expected.citations[1]!.documentTitle);

    // The standard is a link to the address the registry gives for it; one without an address stays text.
    const registry = new Map(standardsRegistry(loadCorpus(server.config.CORPUS_DIR)).map((s) => [s.name, s.url]));
    const shown = await view.locator.locator('.source-references a.standard-link').evaluateAll((as) =>
      as.map((a) => ({ name: a.textContent, href: (a as HTMLAnchorElement).href, rel: a.getAttribute('rel') })),
    );
    const cited = new Set(expected.citations.flatMap((c) => c.references));
    const withUrl = [...cited].filter((name) => registry.get(name));
    expect(withUrl).toContain('Oslostandard for pårørendesamarbeid');
    expect(new Set(shown.map((s) => s.name))).toEqual(new Set(withUrl));
    for (const s of shown) {
      expect(s.href).toBe(new URL(registry.get(s.name!)!).href);
      expect(s.rel).toContain('noopener');
    }
    const withoutUrl = [...cited].filter((name) => !registry.get(name));
    if (withoutUrl.length) expect(await view.locator.locator('.source-references').first().textContent()).toContain(withoutUrl[0]);
    await page.close();
  });

  it('says an ended plan period in one short line per answer, not a box per plan', async () => {
    const page = await browser.context.newPage();
    const chat = await ChatPage.open(page, server.url);
    const question = 'Hvilke tiltak viser til Oslostandard for pårørendesamarbeid?';
    const expected = await server.ask(question, { channel: 'web' });
    const expiredPlans = new Set(expected.citations.filter((c) => c.expired).map((c) => c.documentId));
    expect(expiredPlans.size).toBeGreaterThanOrEqual(2); // VEILEDER_TODAY=2026-11-22: every plan has ended
    const view = await chat.ask(question);
    const lines = await view.locator.locator('.expired-line').allTextContents();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Planperioden er utløpt for (alle \d+|begge|\d+ av \d+) plane(?:ne|r)\.$/);
    expect(view.warnings).toEqual([]); // ask()'s one warning per plan is what the line replaces
    const lineBox = await view.locator.locator('.expired-line').boundingBox();
    expect(lineBox!.height).toBeLessThan(30); // one line
    expect(lines[0]).toBe(expected.expiry!.short); // ask()'s words, not the page's
    expect(await view.locator.locator('.expired-line').getAttribute('title')).toBe(expected.expiry!.warning);
    // A single ended plan: the line gives the year it ended.
    const single = await chat.ask('Hvem har ansvar for nalokson på Nordstrand?');
    expect(await single.locator.locator('.expired-line').allTextContents()).toEqual([
      'Planperioden gikk ut i 2023.',
    ]);
    await page.close();
  });

  it('on a 390 px phone the input area takes at most 15 % of the screen height', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const chat = await ChatPage.open(page, server.url);
    await chat.ask('Hvem har ansvar for nalokson på Nordstrand?');
    await chat.ask('Hvilke tiltak viser til Oslostandard for pårørendesamarbeid?');
    const { form, screen } = await page.evaluate(() => ({
      form: document.getElementById('ask-form')!.getBoundingClientRect().height,
      screen: window.innerHeight,
    }));
    expect(form / screen).toBeLessThanOrEqual(0.15);
    // The input area is still all there: the field, the button, the privacy hint and the filter.
    for (const selector of ['#question', '#ask-button', '#question-hint', 'details.filters summary', '#new-conversation']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(true);
    }
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/phone-390.png' });
    // The hint is one line on a phone, and the form sits wholly on the screen.
    const hint = await page.locator('#question-hint').boundingBox();
    expect(hint!.height).toBeLessThan(22);
    expect(hint!.y + hint!.height).toBeLessThanOrEqual(screen);
    await page.close();
  });

  it('serves a favicon the page points to', async () => {
    const page = await browser.context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await ChatPage.open(page, server.url);
    const icons = await page.locator('link[rel="icon"]').evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
    expect(icons.length).toBeGreaterThan(0);
    for (const href of [...icons, new URL('/favicon.ico', server.url).href]) {
      const res = await fetch(href);
      expect(res.status, href).toBe(200);
      expect(res.headers.get('content-type'), href).toMatch(/^image\//);
      expect((await res.arrayBuffer()).byteLength, href).toBeGreaterThan(100);
    }
    expect(failed).toEqual([]);
    await page.close();
  });
});
