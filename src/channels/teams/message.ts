import { ActivityTypes, type TurnContext } from 'botbuilder';
import { bindingKey, DISTRICT_NOTICES, parseDistrictCommand, runDistrictCommand } from './district.js';
import { NOTICES } from './notices.js';
import { buildAnswerActivity, buildNoticeActivity, buildSourcesActivity } from './reply.js';
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
  const question = stripMentions(activity.text ?? '', activity.entities, activity.recipient.id, activity.recipient.name);
  const conversationId = activity.conversation.id;
  const conversationType = activity.conversation.conversationType ?? 'unknown';

  if (!question) {
    await context.sendActivity(buildNoticeActivity(NOTICES.empty));
    return;
  }

  const command = parseDistrictCommand(question);
  if (command) {
    let reply: string;
    try {
      const result = await runDistrictCommand(command, activity, deps.bindings, deps.adminIds);
      reply = result.reply;
      if (result.changed) deps.log.info({ code: 'TEAMS_DISTRICT_BOUND', command: command.kind, district: 'district' in command ? command.district : null }, 'Teams conversation district changed');
      else if (command.kind !== 'show') deps.log.warn({ code: 'TEAMS_DISTRICT_NOT_ADMIN' }, 'District binding refused: not an admin');
    } catch (error) {
      deps.log.error({ code: 'TEAMS_DISTRICT_SAVE_FAILED', error: (error as Error).message }, 'District binding not saved');
      reply = DISTRICT_NOTICES.saveFailed;
    }
    await context.sendActivity(buildNoticeActivity(reply));
    return;
  }

  const started = Date.now();
  const typing = () => context.sendActivity({ type: ActivityTypes.Typing });
  await typing();
  const timer = setInterval(() => {
    typing().catch(() => undefined);
  }, deps.typingIntervalMs ?? 3_000);
  try {
    const district = (await deps.bindings.get(bindingKey(activity)))?.district;
    const answer = await deps.ask(question, {
      history: await deps.history.turns(conversationId),
      channel: 'teams',
      ...(district ? { district } : {}),
    });
    const answerId = await deps.feedback.record(answer, 'teams');
    clearInterval(timer);
    const sent = await context.sendActivity(buildAnswerActivity(answer));
    // No answer id when the feedback store could not take it: a vote on this message is then logged as unknown.
    if (sent?.id && answerId) await deps.history.link(sent.id, answerId);
    else if (!sent?.id) deps.log.warn({ code: 'TEAMS_NO_MESSAGE_ID', answerId }, 'Teams gave no id for the answer: a vote on it cannot be linked');
    const sources = buildSourcesActivity(answer);
    if (sources) {
      // The answer is out; a sources card that fails is logged, not turned into an error message.
      await context.sendActivity(sources).catch((error: Error & { statusCode?: number }) => {
        deps.log.warn({ code: 'TEAMS_SOURCES_NOT_SENT', statusCode: error.statusCode, error: error.message }, 'Sources card not sent');
      });
    }
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
