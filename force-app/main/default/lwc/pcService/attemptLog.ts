/**
 * Attempt logging (BX-1): one Task per dialer attempt, written to Salesforce once, with the Contact it belongs to
 * and any compliance override (CP-3); an unanswered attempt that fails to log is tried again later.
 */
import type { AttemptLog, Call, CallingRecord, Disposition } from 'c/pcModel';
import { withOverride } from './compliance';
import type { ServiceContext } from './context';

/** Delays before a failed log of an unanswered attempt is tried again (BX-1: logged once, never lost quietly). */
export const LOG_RETRY_MS: readonly number[] = [30_000, 120_000, 600_000];

/** Book-keeping of one call's wrap-up, so a retry never resends what the dialer or Salesforce has (BX-1). */
export interface WrapUpProgress {
    sent: { readonly disposition: Disposition; readonly notes: string } | null;
    logged: boolean;
}

/** The attempt-log slice: what each call's wrap-up has sent and logged. */
export class AttemptLogger {
    private readonly progress = new Map<string, WrapUpProgress>();

    constructor(
        private readonly ctx: ServiceContext,
        /** The Contact id the screen pop found for a dialer record; undefined when none was looked up. */
        private readonly knownContact: (recordId: string) => string | null | undefined
    ) {}

    /** The call's book-keeping, started on first use. */
    progressOf(callId: string): WrapUpProgress {
        let progress = this.progress.get(callId);
        if (!progress) {
            progress = { sent: null, logged: false };
            this.progress.set(callId, progress);
        }
        return progress;
    }

    /** Forgets a call's book-keeping. */
    forget(callId: string): void {
        this.progress.delete(callId);
    }

    /** Forgets every call's book-keeping (logout). */
    clear(): void {
        this.progress.clear();
    }

    private async contactIdFor(record: CallingRecord, number: string): Promise<string | null> {
        const known = this.knownContact(record.id);
        if (known !== undefined) return known;
        try {
            const contact = await this.ctx.gateway.findContact({
                salesforceId: record.salesforceId,
                dialerRecordId: record.id,
                phone: number,
                fields: []
            });
            return contact ? contact.id : null;
        } catch {
            // The Task is still worth logging unlinked; Salesforce can match it by record later.
            return record.salesforceId;
        }
    }

    /** The Task of a call's attempt, with what its wrap-up sent to the dialer. */
    async logOf(call: Call, sent: WrapUpProgress['sent']): Promise<AttemptLog> {
        const endedAt = call.endedAt ?? this.ctx.clock.now();
        return {
            dialerContactId: call.id,
            contactId: await this.contactIdFor(call.record, call.number),
            recordId: call.record.id,
            number: call.number,
            direction: call.direction,
            // With no outcome from the dialer: an answered call reached its contact, an unanswered one did not.
            outcome: sent
                ? sent.disposition.outcome
                : (call.outcome ?? (call.answeredAt !== null ? 'Live' : 'NoAnswer')),
            dispositionLabel: sent ? sent.disposition.label : null,
            durationSeconds: call.answeredAt !== null ? Math.max(0, Math.round((endedAt - call.answeredAt) / 1000)) : 0,
            notes: withOverride(sent ? sent.notes : '', this.ctx.overrides.of(call)),
            endedAt
        };
    }

    /** Logs an unanswered attempt, once. */
    logUnanswered(call: Call): void {
        const progress = this.progressOf(call.id);
        if (!progress.logged) this.tryLog(call, progress, 0);
    }

    /**
     * Logs an answered attempt whose wrap-up will not be saved from the console any more (logout), with the
     * disposition the dialer already has, if any; nothing when its Task is logged.
     */
    logLeftOver(call: Call): void {
        const progress = this.progressOf(call.id);
        // Stryker disable next-line ConditionalExpression: a save that logged removes its call at once, so a call left over is never logged yet; the guard keeps "once" if that changes
        if (!progress.logged) this.tryLog(call, progress, 0);
    }

    /**
     * Logs an attempt in the background, with what its wrap-up sent (none for an unanswered one); a failure is shown
     * and tried again later, safe since logging is idempotent.
     */
    private tryLog(call: Call, progress: WrapUpProgress, attempt: number): void {
        const { store, errors, gateway } = this.ctx;
        this.logOf(call, progress.sent)
            .then((log) => gateway.logAttempt(log))
            .then(
                () => {
                    progress.logged = true;
                    this.ctx.overrides.forget(call);
                },
                (e: unknown) => {
                    if (!store.running) return;
                    store.commit({ errors: errors.add(errors.of(e, 'logAttempt', 'Salesforce')) });
                    const retryIn = LOG_RETRY_MS[attempt];
                    if (retryIn !== undefined) store.later(retryIn, () => this.tryLog(call, progress, attempt + 1));
                }
            );
    }
}
