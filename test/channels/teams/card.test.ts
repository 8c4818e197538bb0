import { describe, expect, it } from 'vitest';
import { ask } from '../../../src/answer/ask.js';
import { sourcesCard } from '../../../src/channels/teams/card.js';

const factsOf = (card: ReturnType<typeof sourcesCard>) =>
  JSON.stringify(card.body).match(/"title":"[^"]+","value":"[^"]*"/g) ?? [];

describe('the sources card', () => {
  it('labels the accountable column so it is right for a district department, not only a byrådsavdeling', async () => {
    const answer = await ask('Hvem har ansvar for nalokson-utdeling på Nordstrand?');
    const n30 = answer.citations.find((c) => c.documentId === 'nordstrand-2021-2023' && c.accountable.length > 0);
    expect(n30, 'a Nordstrand measure cited with its department').toBeDefined();
    const facts = factsOf(sourcesCard(answer.citations, answer.language));
    expect(facts).toContain(`"title":"Overordnet ansvar","value":"${n30!.accountable.join(', ')}"`);
    // A bydel department («Oppvekst og velferd») is not a byrådsavdeling: the card must not call it one.
    expect(facts.some((f) => /Byrådsavdeling/i.test(f))).toBe(false);
  });
});
