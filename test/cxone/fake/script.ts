/**
 * The CXone fake's script: the people it calls, the catalogue it reads back (skills, dispositions, unavailable
 * codes, a skill's parameters), how a contact reads on the wire, and the timed sequences a dialled call and a due
 * callback go through.
 */
import type { FakeContact, FakeDialer, FakeSkill, PendingCallback } from './dialer';
import type { Raw } from './types';

/** The agent the fake signs in. */
export const AGENT_ID = '7001';
/** The agent's team. */
export const TEAM_ID = '42';

/** The names the dialer's records carry, in turn. */
export const NAMES: readonly (readonly [string, string])[] = [
    ['Ada', 'Lovelace'],
    ['Grace', 'Hopper'],
    ['Alan', 'Turing'],
    ['Edsger', 'Dijkstra'],
    ['Barbara', 'Liskov'],
    ['Donald', 'Knuth']
];

/** The agent's skills: two Personal Connection skills and one inbound skill. */
export function scriptedSkills(): FakeSkill[] {
    return [
        { id: '501', name: 'PC Collections', pc: true },
        { id: '502', name: 'PC Renewals', pc: true },
        { id: '600', name: 'Inbound Support', pc: false }
    ];
}

/** Preview buttons the skill shows (delivery preferences): all of them. */
export function scriptedDeliveryPreferences(): Record<string, boolean> {
    return {
        showPreviewButtonRequeue: true,
        showPreviewButtonReschedule: true,
        showPreviewButtonSnooze: true,
        showPreviewButtonDisposition: true
    };
}

/** Machine overrides the skill allows (CPA management): all of them. */
export function scriptedCpa(): Record<string, boolean> {
    return {
        agentOverrideOptionAnsweringMachine: true,
        agentOverrideOptionFax: true,
        agentOverrideOptionBadNumber: true
    };
}

/** The skill's dispositions, one of them requiring notes. */
export const DISPOSITIONS = [
    { dispositionId: 1, dispositionName: 'Sale', systemOutcome: null, requireNotes: false },
    { dispositionId: 2, dispositionName: 'Refused', systemOutcome: 102, requireNotes: true },
    { dispositionId: 3, dispositionName: 'Do not call', systemOutcome: 106, requireNotes: false }
] as const;

/** The team's unavailable codes, one of them inactive. */
export const UNAVAILABLE_CODES = [
    { outStateId: 11, outStateDescription: 'Break', isActive: true },
    { outStateId: 12, outStateDescription: 'Lunch', isActive: true },
    { outStateId: 13, outStateDescription: 'Retired', isActive: false }
] as const;

/** A contact as CXone's CallContactEvent reports it, with the screen-pop variables of the dialer's list. */
export function callContactEvent(c: FakeContact): Raw {
    return {
        Type: 'CallContactEvent',
        ContactID: c.id,
        MasterID: c.id,
        Status: c.status,
        StartTimeUTC: new Date(c.startedAt).toISOString(),
        LastStateChangeTimeUTC: new Date(c.changedAt).toISOString(),
        CallType: c.consult ? 'Consult' : c.callback ? 'PersonalQueue' : 'NaturalCalling',
        IsInbound: c.callback,
        DNIS: c.callback ? '5550100' : c.number,
        ANI: c.callback ? c.number : '5550100',
        Skill: c.skillId,
        IsLinked: c.linked,
        IsRequireManualAccept: c.preview,
        ComplianceRecord: false,
        FinalState: c.finalState,
        DisconnectCode: c.disconnectCode,
        Timeout: c.preview ? 120 : null,
        ExternalID: c.recordId,
        ScreenPopUrlVariables: {
            FirstName: c.firstName,
            LastName: c.lastName,
            BalanceDue: '120.00',
            Attempts: '2'
        }
    };
}

/** A dialled call: Dialing now, Ringing after a second, its outcome after three. */
export function dialSequence(d: FakeDialer, c: FakeContact): void {
    d.setStatus(c, 'NaturalCallDialing', { preview: false });
    d.at(1000, () => {
        if (c.status === 'NaturalCallDialing') d.setStatus(c, 'NaturalCallRinging');
    });
    d.at(3000, () => outcomeSequence(d, c));
}

/** What the dialled call's outcome makes of it: answered, a machine, a bad number, busy or no answer. */
function outcomeSequence(d: FakeDialer, c: FakeContact): void {
    if (d.isEnded(c) || c.answered) return;
    switch (c.outcome) {
        case 'Live': {
            const other = d.liveCalls().find((o) => o !== c && o.answered);
            if (other) {
                // An extra answer goes to another agent (CL-3).
                d.setStatus(c, 'Disconnected', { finalState: true, disconnectCode: 'Routed', linked: false });
                return;
            }
            c.answered = true;
            d.setStatus(c, 'Active', { linked: true });
            for (const o of d.liveCalls()) {
                if (o !== c && !o.answered) {
                    d.setStatus(o, 'Disconnected', {
                        finalState: true,
                        disconnectCode: 'Routed',
                        linked: false
                    });
                }
            }
            return;
        }
        case 'AnsweringMachine':
            d.setStatus(c, 'NaturalCallAMD');
            d.at(3000, () => d.finish(c, 'AnsweringMachine'));
            return;
        case 'Fax':
            d.setStatus(c, 'NaturalCallAMD');
            d.at(2000, () => d.finish(c, 'Fax'));
            return;
        case 'BadNumber':
            d.finish(c, 'BadNumber');
            return;
        case 'Busy':
            d.finish(c, 'Busy');
            return;
        case 'NoAnswer':
            d.at(15_000, () => d.finish(c, 'NoAnswer'));
            return;
    }
}

/** A callback falling due: the PromiseKeeper event, the call coming in, answered two seconds later. */
export function callbackSequence(d: FakeDialer, pending: PendingCallback): void {
    d.emit({
        Type: 'PromiseKeeper',
        AgentId: d.agentId,
        CallbackId: pending.id,
        CallbackTime: new Date(pending.at).toISOString(),
        DialNumber: pending.number,
        FirstName: pending.firstName,
        LastName: pending.lastName,
        Notes: pending.notes,
        SkillId: pending.skillId,
        TargetType: 'A'
    });
    const call = d.newContact({ callback: true }, pending.number);
    d.setStatus(call, 'Incoming');
    d.at(2000, () => {
        call.answered = true;
        d.setStatus(call, 'Active', { linked: true });
    });
}
