// UB-6: every command refused before anything is sent says, in the error panel's technical detail and under the
// command the agent used, what was wrong, so the one message shown is the right one. Scripted dialer.
import type { CommandResult, RescheduleValidation } from 'c/pcModel';
import { call, CAPS, PREVIEW, started, T0, WORKING } from 'test-support/scriptedService';

type Rig = Awaited<ReturnType<typeof build>>;

function build() {
    return started(
        {},
        {
            contacts: [],
            prepare: (dialer) => {
                dialer.capabilities = () => ({
                    ...CAPS,
                    agentDial: true,
                    previewActions: ['Accept', 'Requeue', 'Snooze']
                });
                Object.assign(dialer, { dialNumber: jest.fn(async () => undefined) });
            }
        }
    );
}

const LOGGED_OUT = { ...WORKING, status: 'LoggedOut' as const, skillId: null, skillName: null };

const CASES: Array<[string, (rig: Rig) => Promise<CommandResult | RescheduleValidation>, string, string, string]> = [
    ['an unknown skill', (r) => r.service.loginToSkill('nope'), 'login', 'NotFound', 'unknown skill'],
    [
        'a skill that is not Personal Connection',
        (r) => {
            r.dialer.events.emit('skills', [{ id: 'in', name: 'Inbound', isPersonalConnection: false }]);
            return r.service.loginToSkill('in');
        },
        'login',
        'InvalidState',
        'not a Personal Connection skill'
    ],
    [
        'logout when logged out',
        (r) => {
            r.dialer.events.emit('agentState', LOGGED_OUT);
            return r.service.logout();
        },
        'logout',
        'InvalidState',
        'already logged out'
    ],
    [
        'Available when logged out',
        (r) => {
            r.dialer.events.emit('agentState', LOGGED_OUT);
            return r.service.setAvailable();
        },
        'available',
        'InvalidState',
        'log in to a skill first'
    ],
    [
        'an unknown unavailable reason',
        (r) => r.service.setUnavailable('nope'),
        'unavailable',
        'NotFound',
        'unknown unavailable code'
    ],
    ['Requeue with no preview', (r) => r.service.requeuePreview(), 'requeue', 'NotFound', 'no preview on screen'],
    [
        'Reschedule not offered',
        (r) => {
            r.dialer.events.emit('previewOffered', PREVIEW);
            return r.service.reschedulePreview({
                number: PREVIEW.number,
                deliverTo: 'Me',
                date: '2027-01-12',
                time: '10:00',
                timeZone: 'America/Chicago',
                notes: ''
            });
        },
        'reschedule',
        'Unsupported',
        'Reschedule is not offered'
    ],
    ['Retry with nothing failed', (r) => r.service.retryPreview(), 'retry', 'NotFound', 'nothing to retry'],
    ['Hold of no such call', (r) => r.service.hold('nope'), 'hold', 'NotFound', 'no such call'],
    [
        'a disposition for a call not ended',
        (r) => {
            r.dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
            return r.service.saveDisposition('call-1', 'done', '');
        },
        'disposition',
        'InvalidState',
        'the call has not ended'
    ],
    [
        'a disposition for no such call',
        (r) => r.service.saveDisposition('nope', 'done', ''),
        'disposition',
        'NotFound',
        'no such call'
    ],
    [
        'an unknown disposition',
        (r) => {
            r.dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
            r.dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 }));
            return r.service.saveDisposition('call-1', 'nope', '');
        },
        'disposition',
        'NotFound',
        'unknown disposition'
    ],
    [
        'a dial of no number',
        (r) => r.service.dial({ number: 'nobody', contactId: null }),
        'dial',
        'Rejected',
        'not a dialable number'
    ],
    [
        'a dial while not working a skill',
        (r) => {
            r.dialer.events.emit('agentState', { ...WORKING, status: 'Unavailable' });
            return r.service.dial({ number: '+13125550100', contactId: null });
        },
        'dial',
        'InvalidState',
        'log in to a skill before dialing'
    ],
    [
        'a dial with a call on the line',
        (r) => {
            r.dialer.events.emit('callUpdated', call());
            return r.service.dial({ number: '+13125550100', contactId: null });
        },
        'dial',
        'InvalidState',
        'finish the current call or preview first'
    ],
    [
        'a dial where the dialer places none',
        async (r) => {
            r.dialer.capabilities = () => CAPS;
            await r.service.stop();
            await r.service.start();
            return r.service.dial({ number: '+13125550100', contactId: null });
        },
        'dial',
        'Unsupported',
        'the dialer does not place agent calls'
    ],
    [
        'a sign-in where none is needed',
        (r) => r.service.signIn(),
        'signIn',
        'Unsupported',
        'this dialer needs no sign-in'
    ],
    [
        'a voicemail drop where none is offered',
        (r) => {
            r.dialer.events.emit('callUpdated', call({ status: 'AMD' }));
            return r.service.dropVoicemail('call-1');
        },
        'voicemail',
        'Unsupported',
        'voicemail is not offered by the dialer'
    ],
    [
        'a machine override the dialer does not offer',
        (r) => {
            r.dialer.events.emit('callUpdated', call({ status: 'AMD' }));
            return r.service.overrideMachine('call-1', 'Fax');
        },
        'override',
        'Unsupported',
        'override is not offered by the dialer'
    ]
];

describe('c-pc-service refusals say what was wrong (UB-6)', () => {
    it.each(CASES)(
        'UB-6 %s is refused under its command, naming the problem',
        async (_name, act, command, code, detail) => {
            const rig = await build();
            const result = await act(rig);
            expect(result.ok).toBe(false);
            const errors = rig.service.getState().errors;
            // Only a sign-in refused is the dialer's own answer; every other refusal is the console's check.
            const source = command === 'signIn' ? 'Dialer' : 'Validation';
            expect(errors.map((e) => [e.command, e.code, e.detail, e.source])).toEqual([
                [command, code, detail, source]
            ]);
            expect('error' in result ? result.error : null).toBe(errors[0]);
        }
    );
});
