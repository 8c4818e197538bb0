import type { Locator, Page } from 'playwright-core';

/** The chat page as a user sees it: what to click and type, what to read back. */

export interface SourceView {
  title: string;
  measure: string;
  unit: string;
  text: string;
}

/** The body the page sent to POST /api/ask. */
export interface SentRequest {
  question: string;
  history?: Array<{ role: 'user' | 'assistant'; text: string }>;
  filters?: { documentIds?: string[]; owner?: string };
}

export interface AnswerView {
  sent: SentRequest;
  text: string;
  warnings: string[];
  sources: SourceView[];
  locator: Locator;
}

/** The text of what the locator finds, '' when nothing (without waiting for it to appear). */
const textOf = async (locator: Locator) => (await locator.allTextContents()).join('\n');

export class ChatPage {
  private constructor(readonly page: Page) {}

  static async open(page: Page, url: string): Promise<ChatPage> {
    await page.goto(url);
    const chat = new ChatPage(page);
    await chat.page.locator('#examples .example').first().waitFor();
    return chat;
  }

  examples(): Promise<string[]> {
    return this.page.locator('#examples .example').allTextContents();
  }

  async clickExample(index: number): Promise<AnswerView> {
    return this.answerTo(() => this.page.locator('#examples .example').nth(index).click());
  }

  /** Types the question and sends it with Enter, as a keyboard user does. */
  async ask(question: string): Promise<AnswerView> {
    const input = this.page.locator('#question');
    await input.fill(question);
    return this.answerTo(() => input.press('Enter'));
  }

  async filterByOwner(owner: string): Promise<void> {
    await this.page.locator('details.filters summary').click();
    await this.page.locator('#filter-owner').selectOption({ label: owner });
  }

  async vote(answer: AnswerView, vote: 'up' | 'down'): Promise<string> {
    await answer.locator.locator(`button.vote[data-vote="${vote}"]`).click();
    const status = answer.locator.locator('.feedback-status');
    await status.filter({ hasText: /\S/ }).waitFor();
    return (await status.textContent()) ?? '';
  }

  async newConversation(): Promise<void> {
    await this.page.locator('#new-conversation').click();
  }

  /** The whole page at `width`, the window as tall as the page so the sticky form sits at the end. */
  async screenshot(path: string, width: number): Promise<void> {
    await this.page.setViewportSize({ width, height: 800 });
    const height = await this.page.evaluate(() => document.documentElement.scrollHeight);
    await this.page.setViewportSize({ width, height });
    await this.page.screenshot({ path });
  }

  /** The «[n]» links in an answer's text: the number shown, and the number of the source entry it points to. */
  async citationLinks(answer: AnswerView): Promise<Array<{ text: string; target: string | null }>> {
    return answer.locator.locator('.answer-text a.cite').evaluateAll((links) =>
      links.map((a) => {
        const id = decodeURIComponent((a as HTMLAnchorElement).hash.slice(1));
        const target = document.getElementById(id);
        return { text: a.textContent ?? '', target: target?.classList.contains('source') ? (target.querySelector('.source-number')?.textContent ?? null) : null };
      }),
    );
  }

  userMessages(): Promise<string[]> {
    return this.page.locator('.message.user .message-text').allTextContents();
  }

  /** Elements in the conversation that could carry markup a user typed. */
  injectedElementCount(): Promise<number> {
    return this.page.locator('#conversation img, #conversation script, #conversation iframe').count();
  }

  welcomeVisible(): Promise<boolean> {
    return this.page.locator('#welcome').isVisible();
  }

  private answers(): Locator {
    return this.page.locator('.message.assistant');
  }

  /** Does what sends a question, then reads the request the page made and the answer it shows. */
  private async answerTo(send: () => Promise<void>): Promise<AnswerView> {
    const index = await this.answers().count();
    const request = this.page.waitForRequest((r) => r.url().endsWith('/api/ask') && r.method() === 'POST');
    await send();
    const sent = (await request).postDataJSON() as SentRequest;
    const locator = this.answers().nth(index);
    await locator.and(this.page.locator(':not(.pending)')).waitFor();
    const sources: SourceView[] = [];
    for (const source of await locator.locator('.source').all()) {
      sources.push({
        title: await textOf(source.locator('.source-title')),
        measure: await textOf(source.locator('.source-measure')),
        unit: await textOf(source.locator('.source-unit')),
        text: await textOf(source.locator('.source-text p')),
      });
    }
    return {
      sent,
      text: await textOf(locator.locator('.message-text')),
      warnings: await locator.locator('.warnings li').allTextContents(),
      sources,
      locator,
    };
  }
}
