import type { App } from '@slack/bolt';
import type { Answering } from './answering.js';
import { helpMessage, noticeMessage } from './blocks.js';
import { parseQuestion } from './question.js';
import { texts } from './texts.js';

export const COMMAND = '/veileder';

/**
 * `/veileder <spørsmål>`: acknowledged at once with a "working" line, then the answer replaces it as an
 * ephemeral message (only the asker sees it) with a button to share it in the channel.
 * `/veileder` alone (or `hjelp`/`help`) shows the help text.
 */
export function registerCommand(app: App, answering: Answering): void {
  app.command(COMMAND, async ({ command, ack, respond }) => {
    if (!parseQuestion(command.text) || /^\s*(hjelp|help)\s*$/i.test(command.text ?? '')) {
      await ack({ response_type: 'ephemeral', ...helpMessage() });
      return;
    }
    await ack({ response_type: 'ephemeral', ...noticeMessage(texts('nb').working) });
    const reply = await answering({
      raw: command.text,
      via: 'command',
      shareable: true,
      ids: { channel: command.channel_id, user: command.user_id, team: command.team_id },
    });
    await respond({ response_type: 'ephemeral', replace_original: true, ...reply });
  });
}
