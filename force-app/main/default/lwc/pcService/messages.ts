/**
 * Agent messages (AG-1), the callback marquee (RS-4), the notes of callbacks that fell due (UB-7) and the
 * confirmation of a finished action (UB-7).
 */
import type { AgentMessage, Callback, CallingRecord, Confirmation } from 'c/pcModel';
import { recordName } from 'c/pcModel';
import type { MessagesApi, ServiceContext } from './context';
import type { Patch } from './store';

/** How long the callback marquee shows (RS-4: five seconds). */
export const MARQUEE_MS = 5000;
/** How long an action's confirmation shows (UB-7). */
const CONFIRMATION_MS = 8_000;

/** The messages slice: messages, marquee, confirmation, and the callback notes by number. */
export class Messages implements MessagesApi {
    /** Notes of callbacks that fell due, by callback number (UB-7). */
    private readonly notes = new Map<string, string>();
    private confirmationSerial = 0;

    constructor(private readonly ctx: ServiceContext) {}

    callbackNotes(number: string): string | undefined {
        return this.notes.get(number);
    }

    /** Keeps a due callback's notes so its message and call show them (UB-7); dialer data, so checked. */
    onCallbackDue(callback: Callback): boolean {
        if (typeof callback?.number !== 'string' || typeof callback.notes !== 'string') return false;
        if (callback.notes.trim()) this.notes.set(callback.number, callback.notes);
        else this.notes.delete(callback.number);
        return true;
    }

    /** A message from the dialer: listed, and a callback's also on the marquee for a while (RS-4). */
    onAgentMessage(incoming: AgentMessage): void {
        const store = this.ctx.store;
        const notes = incoming.kind === 'Callback' && incoming.number ? this.notes.get(incoming.number) : undefined;
        const message = notes && incoming.notes === undefined ? { ...incoming, notes } : incoming;
        const patch: Patch = { messages: [message, ...store.state.messages] };
        if (message.kind === 'Callback') {
            patch.marquee = message;
            store.later(MARQUEE_MS, () => {
                if (store.state.marquee === message) store.commit({ marquee: null });
            });
        }
        store.commit(patch);
    }

    /** Hides the callback marquee early; the message stays in Agent Messages (RS-4, AG-1). */
    dismissMarquee(): void {
        if (this.ctx.store.state.marquee) this.ctx.store.commit({ marquee: null });
    }

    confirmationOf(
        action: Confirmation['action'],
        record: CallingRecord | null,
        number: string,
        extra: Partial<Pick<Confirmation, 'at' | 'timeZone' | 'contactTimeZone' | 'disposition'>> = {}
    ): Confirmation {
        const store = this.ctx.store;
        const confirmation: Confirmation = Object.freeze({
            id: ++this.confirmationSerial,
            action,
            contactName: record ? recordName(record) : '',
            number,
            at: extra.at ?? null,
            timeZone: extra.timeZone ?? null,
            contactTimeZone: extra.contactTimeZone ?? null,
            ...(extra.disposition !== undefined ? { disposition: extra.disposition } : {})
        });
        store.later(CONFIRMATION_MS, () => {
            if (store.state.confirmation === confirmation) store.commit({ confirmation: null });
        });
        return confirmation;
    }
}
