import { ActivityTypes, type TurnContext } from 'botbuilder';
import { NOTICES } from './notices.js';
import { buildAnswerActivity, buildNoticeActivity } from './reply.js';
import type { TeamsHandlerDeps } from './route.js';
import { stripMentions } from './text.js';

/**
 * A message to the bot (personal chat, group chat, or a channel post that @mentions it): the
 * mention is stripped, earlier turns of the conversation go along as history, a typing indicator
 * shows while ask() works, and the Answer goes back with citations and the feedback loop.
 * The question text is never logged.
 */
export async function onMessage(context: TurnContext, deps: TeamsHandlerDeps): Promise<void> {
  const activity = context.activity;
  const question = stripMentions(activity.text ?? '', activity.entities, activity.recipient.id);
  const conversationId = activity.conversation.id;
  const conversationType = activity.conversation.conversationType ?? 'unknown';

  if (!question) {
    await context.sendActivity(buildNoticeActivity(NOTICES.empty));
    return;
  }

  const started = Date.now();
  const typing = () => context.sendActivity({ type: ActivityTypes.Typing });
  await typing();
  const timer = setInterval(() => {
    typing().catch(() => undefined);
  }, deps.typingIntervalMs ?? 3_000);
  try {
    const answer = await deps.ask(question, { history: await deps.history.turns(conversationId), channel: 'teams' });
    const answerId = await deps.feedback.record(answer, 'teams');
    clearInterval(timer);
    const sent = await context.sendActivity(buildAnswerActivity(answer));
    // No id when the feedback store could not take it: a vote on this message is then logged as unknown.
    if (sent?.id && answerId) await deps.history.link(sent.id, answerId);
    // answer.question is the question as ask() kept it: free of personal data.
    await deps.history.addExchange(conversationId, answer.question, answer.answer);
    deps.log.info(
      { conversationType, found: answer.found, citations: answer.citations.length, answerId, ms: Date.now() - started },
      'Teams answer sent',
    );
  } finally {
    clearInterval(timer);
  }
}
