/**
 * The agent's contacts as CXone reports them, folded into previews and calls. CallContactEvents can
 * arrive twice or out of order (a long poll that was retried, a rejoin that replays the current
 * state): an event older than the last one applied to its contact, or equal to it, changes nothing.
 *
 * How a preview is recognised (an assumption, see docs/cxone-setup.md): a contact first seen in status
 * `Incoming` with `IsRequireManualAccept` or `ComplianceRecord` set is a Personal Connection preview;
 * an `Incoming` contact without those flags is a callback, shown like an inbound call (RS-4).
 */
import { CallDirection, CallStatus, Outcome, PreviewTimeoutAction, isOutcome } from 'c/pcModel';
import type { Call, CallingRecord, Instant, MachineOverride, Preview, PreviewAction } from 'c/pcModel';
import { PreviewClosedReason } from 'c/pcDialerPort';
import type { DialerEventMap, DialerEventName } from 'c/pcDialerPort';
import { RawCallStatus, systemOutcome } from './protocol';
import type { ContactEvent } from './protocol';
import { EventOrder } from './eventOrder';

/** One port event to emit, typed by name. */
export type Emission = {
    [K in DialerEventName]: { readonly type: K; readonly event: DialerEventMap[K] };
}[DialerEventName];

/** What the book asks of the adapter while applying an event. */
export interface BookContext {
    /** The preview actions the skill allows. */
    actionsFor(skillId: string): readonly PreviewAction[];
    /** The machine override the agent sent for a contact, if any. */
    overrideFor(contactId: string): MachineOverride | undefined;
    /** Why the agent closed a preview, when a command did. */
    closeReasonFor(contactId: string): PreviewClosedReason | undefined;
    now(): Instant;
}

interface Entry {
    readonly id: string;
    changedAt: number;
    rawStatus: RawCallStatus;
    finalState: boolean;
    linked: boolean;
    preview: Preview | null;
    previewOpen: boolean;
    call: Call | null;
    removed: boolean;
}

/** Call types that are legs of a consult or transfer, not lines of the agent's set. */
const NON_LINE_TYPES = new Set(['consult', 'agentleg', 'reskillproxy', 'conference']);

/** A `DisconnectCode` that says the answer was routed to another agent (CL-3); unverified wording. */
const ROUTED_CODES = new Set(['routed', 'routedtoanotheragent', 'hopped']);

function mapStatus(raw: RawCallStatus, previous: CallStatus | null): CallStatus {
    switch (raw) {
        case RawCallStatus.Dialing:
        case RawCallStatus.NaturalCallDialing:
            return CallStatus.Dialing;
        case RawCallStatus.NaturalCallRinging:
        case RawCallStatus.Incoming:
            return CallStatus.Ringing;
        case RawCallStatus.NaturalCallAMD:
            return CallStatus.Amd;
        case RawCallStatus.Active:
        case RawCallStatus.Joined:
            return CallStatus.Active;
        case RawCallStatus.Holding:
            return CallStatus.Held;
        case RawCallStatus.Disconnected:
        case RawCallStatus.CallBackDisconnected:
            return CallStatus.Ended;
        default:
            // Masking hides payment details; the call itself stays as it was.
            return previous ?? CallStatus.Active;
    }
}

function outcomeOf(code: string | null): Outcome | null {
    if (code === null) return null;
    const trimmed = code.trim();
    if (/^\d+$/.test(trimmed)) return systemOutcome(Number(trimmed));
    return isOutcome(trimmed) ? trimmed : null;
}

function toRecord(ev: ContactEvent): CallingRecord {
    return {
        id: ev.record.id,
        firstName: ev.record.firstName,
        lastName: ev.record.lastName,
        timeZone: ev.record.timeZone,
        salesforceId: ev.record.salesforceId,
        fields: { ...ev.record.fields }
    };
}

function sameCall(a: Call | null, b: Call): boolean {
    return (
        a !== null &&
        a.status === b.status &&
        a.mostLikely === b.mostLikely &&
        a.muted === b.muted &&
        a.outcome === b.outcome &&
        a.number === b.number
    );
}

/** Previews and calls by CXone contact id. */
export class ContactBook {
    private readonly entries = new Map<string, Entry>();
    private readonly order = new EventOrder();

    constructor(private readonly maxLines = 3) {}

    /** Applies one validated CallContactEvent; returns what to emit. */
    apply(ev: ContactEvent, ctx: BookContext): Emission[] {
        const entry = this.entries.get(ev.contactId);
        if (entry?.removed) return [];
        const fingerprint = `${ev.status}|${String(ev.finalState)}|${String(ev.isLinked)}`;
        if (!this.order.accept(`contact:${ev.contactId}`, ev.changedAt, fingerprint)) return [];
        if (NON_LINE_TYPES.has(ev.callType.toLowerCase())) return [];
        const isPreview =
            ev.status === RawCallStatus.Incoming && (ev.requireManualAccept || ev.complianceRecord) && !entry?.call;
        const current: Entry = entry ?? {
            id: ev.contactId,
            changedAt: ev.changedAt,
            rawStatus: ev.status,
            finalState: ev.finalState,
            linked: ev.isLinked,
            preview: null,
            previewOpen: false,
            call: null,
            removed: false
        };
        current.changedAt = ev.changedAt;
        current.rawStatus = ev.status;
        current.finalState = ev.finalState;
        current.linked = ev.isLinked;
        this.entries.set(ev.contactId, current);

        const out: Emission[] = [];
        if (isPreview) {
            if (!current.preview) {
                current.preview = this.toPreview(ev, ctx);
                current.previewOpen = true;
                out.push({ type: 'previewOffered', event: current.preview });
            }
            return out;
        }
        const ending = ev.status === RawCallStatus.Disconnected || ev.status === RawCallStatus.CallBackDisconnected;
        if (current.preview && current.previewOpen) {
            if (ending) {
                const expired = current.preview.timeout && ctx.now() >= current.preview.timeout.expiresAt;
                const reason =
                    ctx.closeReasonFor(ev.contactId) ??
                    (expired ? PreviewClosedReason.TimedOut : PreviewClosedReason.Withdrawn);
                out.push(...this.closePreview(ev.contactId, reason));
                current.removed = true;
                return out;
            }
            out.push(...this.closePreview(ev.contactId, PreviewClosedReason.Accepted));
        } else if (current.preview && ending && !current.call) {
            current.removed = true;
            return out;
        }
        if (!current.call && ending) {
            // A contact that ends before this tab ever saw it live is nothing to show.
            current.removed = true;
            return out;
        }
        out.push(...this.updateCall(current, ev, ctx));
        return out;
    }

    /** Closes an open preview once the dialer confirmed the agent's action. */
    closePreview(previewId: string, reason: PreviewClosedReason): Emission[] {
        const entry = this.entries.get(previewId);
        if (!entry?.preview || !entry.previewOpen) return [];
        entry.previewOpen = false;
        if (reason !== PreviewClosedReason.Accepted) entry.removed = !entry.call;
        return [{ type: 'previewClosed', event: { previewId, reason } }];
    }

    /** Sets the mute flag on the live calls (mute is on the agent's leg, so it applies to the call in talk). */
    setMuted(muted: boolean, callId?: string): Emission[] {
        const out: Emission[] = [];
        for (const entry of this.entries.values()) {
            const call = entry.call;
            if (!call || entry.removed || call.status === CallStatus.Ended) continue;
            if (callId !== undefined && call.id !== callId) continue;
            if (callId === undefined && call.status !== CallStatus.Active && call.status !== CallStatus.Held) continue;
            if (call.muted === muted) continue;
            entry.call = { ...call, muted };
            out.push({ type: 'callUpdated', event: entry.call });
        }
        return out;
    }

    /** The live (not removed) calls, by line. */
    calls(): Call[] {
        const out: Call[] = [];
        for (const entry of this.entries.values()) if (entry.call && !entry.removed) out.push(entry.call);
        return out.sort((a, b) => a.line - b.line);
    }

    /** The open preview, if any. */
    preview(): Preview | null {
        for (const entry of this.entries.values()) if (entry.preview && entry.previewOpen) return entry.preview;
        return null;
    }

    /** A live call by id. */
    call(callId: string): Call | null {
        const entry = this.entries.get(callId);
        return entry && !entry.removed ? entry.call : null;
    }

    /** A preview by id, open or closed (while its contact is still known). */
    previewById(previewId: string): Preview | null {
        return this.entries.get(previewId)?.preview ?? null;
    }

    /** An open preview by id. */
    openPreview(previewId: string): Preview | null {
        const entry = this.entries.get(previewId);
        return entry?.previewOpen ? entry.preview : null;
    }

    /** Seeds the book from a mirrored state (a follower tab taking over), so lines and flags carry over. */
    seed(calls: readonly Call[], preview: Preview | null): void {
        for (const call of calls) {
            this.order.accept(`contact:${call.id}`, call.statusSince, 'seed');
            this.entries.set(call.id, {
                id: call.id,
                changedAt: call.statusSince,
                rawStatus: RawCallStatus.Active,
                finalState: false,
                linked: call.mostLikely,
                preview: null,
                previewOpen: false,
                call,
                removed: false
            });
        }
        if (preview && !this.entries.has(preview.id)) {
            this.order.accept(`contact:${preview.id}`, preview.offeredAt, 'seed');
            this.entries.set(preview.id, {
                id: preview.id,
                changedAt: preview.offeredAt,
                rawStatus: RawCallStatus.Incoming,
                finalState: false,
                linked: false,
                preview,
                previewOpen: true,
                call: null,
                removed: false
            });
        }
    }

    /** Forgets everything (the session ended); returns the closures to emit. */
    clear(): Emission[] {
        const out: Emission[] = [];
        for (const entry of this.entries.values()) {
            if (entry.removed) continue;
            if (entry.preview && entry.previewOpen)
                out.push(...this.closePreview(entry.id, PreviewClosedReason.Withdrawn));
            if (entry.call) out.push({ type: 'callRemoved', event: { callId: entry.id } });
        }
        this.entries.clear();
        this.order.clear();
        return out;
    }

    private toPreview(ev: ContactEvent, ctx: BookContext): Preview {
        const seconds = ev.previewTimeoutSeconds;
        return {
            id: ev.contactId,
            skillId: ev.skillId,
            record: toRecord(ev),
            destinationId: `${ev.record.id}:phone`,
            number: ev.number,
            attemptsSoFar: ev.attemptsSoFar,
            actions: [...ctx.actionsFor(ev.skillId)],
            offeredAt: ev.changedAt,
            timeout:
                seconds !== null && seconds > 0
                    ? {
                          expiresAt: ev.changedAt + seconds * 1000,
                          // Compliance records requeue at zero; others are dialled (CXone preview timeout).
                          atZero: ev.complianceRecord ? PreviewTimeoutAction.Requeue : PreviewTimeoutAction.Dial
                      }
                    : null
        };
    }

    private freeLine(): number {
        const used = new Set(this.calls().map((c) => c.line));
        for (let line = 1; line <= this.maxLines; line += 1) if (!used.has(line)) return line;
        return used.size + 1;
    }

    private updateCall(entry: Entry, ev: ContactEvent, ctx: BookContext): Emission[] {
        const previous = entry.call;
        const status = mapStatus(ev.status, previous?.status ?? null);
        const ended = status === CallStatus.Ended;
        const answeredAt = previous?.answeredAt ?? (status === CallStatus.Active ? ev.changedAt : null);
        const routed = ended && ROUTED_CODES.has((ev.disconnectCode ?? '').toLowerCase());
        // What the dialer recorded comes first; a confirmed override only where the dialer said nothing.
        const outcome = ended
            ? (previous?.outcome ??
              (routed ? Outcome.RoutedToAnotherAgent : null) ??
              outcomeOf(ev.disconnectCode) ??
              ctx.overrideFor(ev.contactId) ??
              (answeredAt !== null ? Outcome.Completed : Outcome.NoAnswer))
            : null;
        const call: Call = {
            id: ev.contactId,
            line: previous?.line ?? this.freeLine(),
            skillId: previous?.skillId || ev.skillId,
            record: previous?.record ?? toRecord(ev),
            destinationId: previous?.destinationId ?? `${ev.record.id}:phone`,
            number: previous?.number || ev.number,
            direction:
                previous?.direction ??
                (ev.isInbound || ev.status === RawCallStatus.Incoming || ev.callType.toLowerCase() === 'personalqueue'
                    ? CallDirection.Callback
                    : CallDirection.Outbound),
            status,
            mostLikely: ended ? false : ev.isLinked,
            muted: ended ? false : (previous?.muted ?? false),
            startedAt: previous?.startedAt ?? ev.startedAt,
            statusSince: previous && previous.status === status ? previous.statusSince : ev.changedAt,
            answeredAt,
            endedAt: ended ? (previous?.endedAt ?? ev.changedAt) : null,
            outcome
        };
        entry.call = call;
        const out: Emission[] = [];
        if (routed) {
            entry.removed = true;
            const name = `${call.record.firstName} ${call.record.lastName}`.trim();
            out.push({ type: 'callRouted', event: { callId: call.id, contactName: name } });
            out.push({ type: 'callRemoved', event: { callId: call.id } });
            return out;
        }
        if (!sameCall(previous, call)) out.push({ type: 'callUpdated', event: call });
        if (ended && ev.finalState) {
            entry.removed = true;
            out.push({ type: 'callRemoved', event: { callId: call.id } });
        }
        return out;
    }
}
