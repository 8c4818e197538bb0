import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import { districtOf, type DistrictBindings } from '../bindings.js';
import type { Answering } from './answering.js';
import { helpMessage, noticeMessage } from './blocks.js';
import { bindingKey } from './conversation.js';
import { parseQuestion } from './question.js';
import { texts } from './texts.js';

export const COMMAND = '/veileder';

/**
 * `/veileder <spørsmål>`: acknowledged at once with a "working" line, then the answer replaces it as an
 * ephemeral message (only the asker sees it) with a button to share it in the channel; in a channel
 * bound to a district, a question naming none is answered for it.
 * `/veileder` alone (or `hjelp`/`help`) shows the help text.
 * `/veileder bydel Nordstrand` binds the channel to a district, `/veileder bydel ingen` removes the
 * binding (both only for SLACK_ADMIN_USER_IDS), `/veileder bydel` shows it (anyone).
 */

export interface CommandDeps {
  bindings: DistrictBindings;
  adminUserIds: string[];
  log: Logger;
}

type BindingCommand = { kind: 'show' } | { kind: 'clear' } | { kind: 'bind'; name: string };

/** `bydel`, `bydel ingen`, `bydel <name>`; a longer text or a question after «bydel» is a question. */
export function parseBindingCommand(text: string | undefined): BindingCommand | undefined {
  const m = /^\s*bydel(?:\s+(.*))?$/is.exec(text ?? '');
  if (!m) return undefined;
  const arg = (m[1] ?? '').trim();
  if (!arg) return { kind: 'show' };
  if (/^(ingen|fjern|none)$/i.test(arg)) return { kind: 'clear' };
  if (arg.includes('?') || arg.split(/\s+/).length > 3) return undefined;
  return { kind: 'bind', name: arg };
}

export function registerCommand(app: App, answering: Answering, deps: CommandDeps): void {
  const t = texts('nb');
  app.command(COMMAND, async ({ command, ack, respond }) => {
    const key = bindingKey(command.team_id, command.channel_id);
    const binding = parseBindingCommand(command.text);
    if (binding) {
      await ack({ response_type: 'ephemeral', ...(await bindingReply(binding, key, command.user_id)) });
      return;
    }
    if (!parseQuestion(command.text) || /^\s*(hjelp|help)\s*$/i.test(command.text ?? '')) {
      await ack({ response_type: 'ephemeral', ...helpMessage() });
      return;
    }
    await ack({ response_type: 'ephemeral', ...noticeMessage(t.working) });
    const bound = await deps.bindings.get(key).catch(() => null);
    const reply = await answering({
      raw: command.text,
      via: 'command',
      shareable: true,
      ...(bound ? { district: bound.district } : {}),
      ids: { channel: command.channel_id, user: command.user_id, team: command.team_id },
    });
    const { question: _question, ...message } = reply;
    await respond({ response_type: 'ephemeral', replace_original: true, ...message });
  });

  async function bindingReply(cmd: BindingCommand, key: string, user: string) {
    if (cmd.kind === 'show') {
      const bound = await deps.bindings.get(key).catch(() => null);
      return noticeMessage(bound ? t.binding.shows(bound.district) : t.binding.none);
    }
    if (!deps.adminUserIds.includes(user)) {
      deps.log.info({ code: 'SLACK_BINDING_REFUSED', user, key }, 'slack: binding change by a non-admin refused');
      return noticeMessage(t.binding.notAdmin);
    }
    const district = cmd.kind === 'bind' ? districtOf(cmd.name) : null;
    if (cmd.kind === 'bind' && !district) return noticeMessage(t.binding.unknown(cmd.name));
    try {
      await deps.bindings.set(key, district, user);
    } catch (err) {
      deps.log.error({ code: 'BINDINGS_WRITE_FAILED', key, err: (err as Error).message }, 'slack: binding not saved');
      return noticeMessage(t.binding.saveFailed);
    }
    deps.log.info({ key, district, by: user }, 'slack: channel binding changed');
    return noticeMessage(district ? t.binding.bound(district) : t.binding.cleared);
  }
}
