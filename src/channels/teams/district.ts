import type { Activity } from 'botbuilder';
import { districtOf, type DistrictBindings } from '../bindings.js';
import { withoutDistricts, type District } from '../../search/districts.js';

/**
 * Binding a Teams conversation (a team's channel, a group chat, a personal chat) to a district:
 * an admin writes «bydel Nordstrand» to the bot there, «bydel ingen» removes it, «bydel» shows it.
 * Questions there that name no district are then asked with `context.district`; ask() does the
 * scoping and says so in the answer. Admins are the AAD object ids in TEAMS_ADMIN_IDS.
 */

export type DistrictCommand = { kind: 'show' } | { kind: 'clear' } | { kind: 'set'; district: District };

/**
 * The binding's key: `teams:<tenant id>:<conversation id>`, the conversation id without the
 * `;messageid=…` of a reply chain, so every thread of a channel shares the channel's binding.
 */
export function bindingKey(activity: Pick<Activity, 'conversation' | 'channelData'>): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  const tenant = activity.conversation.tenantId ?? channelData?.tenant?.id ?? 'unknown';
  const conversation = activity.conversation.id.split(';')[0]!;
  return `teams:${tenant}:${conversation}`;
}

/**
 * The command in a message, or null when the message is a question. «bydel» followed by nothing,
 * «ingen», or a district's name and nothing else is a command; «Bydel Alna rusplan» is a question.
 */
export function parseDistrictCommand(text: string): DistrictCommand | null {
  const m = /^bydel(?![\p{L}\p{N}])\s*(.*)$/iu.exec(text.trim());
  if (!m) return null;
  const rest = m[1]!.replace(/[.!?]+$/, '').trim();
  if (rest === '') return { kind: 'show' };
  if (/^(ingen|none)$/i.test(rest)) return { kind: 'clear' };
  const district = districtOf(rest);
  if (district && !/[\p{L}\p{N}]/u.test(withoutDistricts(rest).replace(/\bbydel\b/g, ''))) return { kind: 'set', district };
  return null;
}

const scoped = (d: string) =>
  `Spørsmål her som ikke nevner en bydel, besvares fra planen til Bydel ${d} og de byomfattende planene. ` +
  'Nevner du en annen bydel, svarer jeg for den.';

export const DISTRICT_NOTICES = {
  bound: (d: string) => `Denne samtalen er knyttet til **Bydel ${d}**. ${scoped(d)}`,
  unbound: 'Denne samtalen er ikke knyttet til noen bydel. En administrator kan knytte den til en, for eksempel med «bydel Nordstrand».',
  set: (d: string) => `Samtalen er nå knyttet til **Bydel ${d}**. ${scoped(d)} «bydel ingen» fjerner koblingen.`,
  cleared: 'Samtalen er ikke lenger knyttet til noen bydel. Spørsmålene besvares fra alle planene igjen.',
  notAdmin:
    'Bare de som administrerer Veileder, kan knytte en samtale til en bydel. Vil du spørre om en bydel, skriv et helt spørsmål, ' +
    'for eksempel «Hvilke tiltak har Bydel Nordstrand for unge?».',
  saveFailed: 'Klarte ikke å lagre koblingen til bydelen. Prøv igjen om litt – vedvarer feilen, si fra til den som drifter Veileder.',
} as const;

/** Whether the sender may bind: their AAD object id is in TEAMS_ADMIN_IDS (GUIDs, any case). */
export function isAdmin(activity: Pick<Activity, 'from'>, adminIds: readonly string[]): boolean {
  const id = activity.from.aadObjectId?.toLowerCase();
  return Boolean(id) && adminIds.some((a) => a.toLowerCase() === id);
}

/** Carries out a command; returns the reply (bokmål). Showing is open to all, changing only to admins. */
export async function runDistrictCommand(
  command: DistrictCommand,
  activity: Pick<Activity, 'from' | 'conversation' | 'channelData'>,
  bindings: DistrictBindings,
  adminIds: readonly string[],
): Promise<{ reply: string; changed: boolean }> {
  const key = bindingKey(activity);
  if (command.kind === 'show') {
    const current = await bindings.get(key);
    return { reply: current ? DISTRICT_NOTICES.bound(current.district) : DISTRICT_NOTICES.unbound, changed: false };
  }
  if (!isAdmin(activity, adminIds)) return { reply: DISTRICT_NOTICES.notAdmin, changed: false };
  const by = activity.from.aadObjectId ?? activity.from.id;
  if (command.kind === 'clear') {
    await bindings.set(key, null, by);
    return { reply: DISTRICT_NOTICES.cleared, changed: true };
  }
  await bindings.set(key, command.district, by);
  return { reply: DISTRICT_NOTICES.set(command.district), changed: true };
}
