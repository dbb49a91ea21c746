// The CXone wire format folded into the model, without a server: statuses, previews, ordering.
import { ContactBook } from '../contacts';
import type { BookContext, Emission } from '../contacts';
import { parseSkills } from '../protocol';
import { contactEvent as contact } from '../../../../../../test/cxone/contactEvents';

const T0 = Date.UTC(2026, 0, 5, 15, 0, 0);

const ctx: BookContext = {
    actionsFor: () => ['Accept', 'Requeue'],
    overrideFor: () => undefined,
    closeReasonFor: () => undefined,
    now: () => T0
};

function at(seconds: number): string {
    return new Date(T0 + seconds * 1000).toISOString();
}

function statuses(out: Emission[]): string[] {
    return out.flatMap((e) => (e.type === 'callUpdated' ? [e.event.status] : [e.type]));
}

describe('c/pcCxoneAdapter contact book', () => {
    it('CL-1 maps the Personal Connection statuses: NaturalCallDialing, NaturalCallRinging, NaturalCallAMD, Active, Holding, Disconnected', () => {
        const book = new ContactBook();
        const seen: string[] = [];
        const steps = [
            'NaturalCallDialing',
            'NaturalCallRinging',
            'NaturalCallAMD',
            'Active',
            'Holding',
            'Disconnected'
        ];
        steps.forEach((status, i) => {
            seen.push(...statuses(book.apply(contact({ Status: status, LastStateChangeTimeUTC: at(i) }), ctx)));
        });
        expect(seen).toEqual(['Dialing', 'Ringing', 'AMD', 'Active', 'Held', 'Ended']);
    });

    it('CL-5 IsLinked marks the call most likely to be answered next', () => {
        const book = new ContactBook();
        const [linked] = book.apply(
            contact({ Status: 'NaturalCallDialing', IsLinked: true, LastStateChangeTimeUTC: at(0) }),
            ctx
        );
        expect(linked).toMatchObject({ type: 'callUpdated', event: { mostLikely: true, line: 1 } });
        const [other] = book.apply(
            contact({ ContactID: '2', Status: 'NaturalCallDialing', IsLinked: false, LastStateChangeTimeUTC: at(0) }),
            ctx
        );
        expect(other).toMatchObject({ type: 'callUpdated', event: { mostLikely: false, line: 2 } });
    });

    it('BX-5 a duplicate event, or one older than the last state of its contact, changes nothing', () => {
        const book = new ContactBook();
        book.apply(contact({ Status: 'NaturalCallRinging', LastStateChangeTimeUTC: at(1) }), ctx);
        book.apply(contact({ Status: 'Active', LastStateChangeTimeUTC: at(5) }), ctx);
        expect(book.apply(contact({ Status: 'Active', LastStateChangeTimeUTC: at(5) }), ctx)).toEqual([]);
        expect(book.apply(contact({ Status: 'NaturalCallRinging', LastStateChangeTimeUTC: at(1) }), ctx)).toEqual([]);
        expect(book.calls()[0]!.status).toBe('Active');
    });

    it('PV-1 an Incoming contact that needs a manual accept is a preview; Incoming without it is a callback (RS-4)', () => {
        const book = new ContactBook();
        const preview = book.apply(
            contact({ Status: 'Incoming', IsRequireManualAccept: 'True', Timeout: 30, LastStateChangeTimeUTC: at(0) }),
            ctx
        );
        expect(preview).toMatchObject([
            { type: 'previewOffered', event: { id: '1', actions: ['Accept', 'Requeue'], timeout: { atZero: 'Dial' } } }
        ]);
        const callback = book.apply(
            contact({
                ContactID: '9',
                Status: 'Incoming',
                IsInbound: true,
                ANI: '+13125550177',
                LastStateChangeTimeUTC: at(0)
            }),
            ctx
        );
        expect(callback).toMatchObject([
            { type: 'callUpdated', event: { direction: 'Callback', status: 'Ringing', number: '+13125550177' } }
        ]);
    });

    it('PV-2 a preview that starts dialing closes as Accepted and becomes the call of the same record', () => {
        const book = new ContactBook();
        book.apply(contact({ Status: 'Incoming', IsRequireManualAccept: true, LastStateChangeTimeUTC: at(0) }), ctx);
        const out = book.apply(contact({ Status: 'NaturalCallDialing', LastStateChangeTimeUTC: at(1) }), ctx);
        expect(out).toMatchObject([
            { type: 'previewClosed', event: { previewId: '1', reason: 'Accepted' } },
            { type: 'callUpdated', event: { id: '1', status: 'Dialing', record: { id: 'rec-1' } } }
        ]);
    });

    it('CL-3 an answer routed to another agent is announced and leaves the set', () => {
        const book = new ContactBook();
        book.apply(contact({ Status: 'NaturalCallRinging', LastStateChangeTimeUTC: at(0) }), ctx);
        const out = book.apply(
            contact({
                Status: 'Disconnected',
                DisconnectCode: 'Routed',
                FinalState: true,
                LastStateChangeTimeUTC: at(1)
            }),
            ctx
        );
        expect(out.map((e) => e.type)).toEqual(['callRouted', 'callRemoved']);
    });

    it('AV-2 skills: Personal Connection by outbound strategy; inactive skills left out', () => {
        const parsed = parseSkills({
            resultSet: {
                agentSkillAssignments: [
                    { skillId: 501, skillName: 'PC', outboundStrategy: 'Personal Connection' },
                    { skillId: 600, skillName: 'Inbound', outboundStrategy: 'Manual' },
                    { skillId: 700, skillName: 'Old', isSkillActive: false }
                ]
            }
        });
        expect(parsed).toEqual({
            ok: true,
            value: [
                { id: '501', name: 'PC', isPersonalConnection: true },
                { id: '600', name: 'Inbound', isPersonalConnection: false }
            ]
        });
    });
});
