// The ten hostile dialer payloads (BX-5), each a way to bend what the CXone fake sends in its next poll answer.
// Shared by the Dialer simulator panel's control route (local/cxoneFake.mjs) and the CXone-mode browser tests,
// so the panel's menu and the tests try the very same payloads.

/** A CallContactEvent as CXone sends it, for the hostile payloads to bend. */
export function callEvent(id, status, over = {}) {
    return {
        Type: 'CallContactEvent',
        ContactID: id,
        Status: status,
        LastStateChangeTimeUTC: new Date().toISOString(),
        DNIS: '+13125550199',
        ScreenPopUrlVariables: 'FirstName=Ann&LastName=Lee',
        ...over
    };
}

const HUGE = 'A'.repeat(1024 * 1024);

/** [name, apply(fake)] for each hostile payload; apply queues it into the fake's next poll answer. */
export const HOSTILE = [
    ['an unknown event type', (fake) => fake.pushRaw({ Type: 'SomethingNew', Secret: '+13125550123' })],
    ['a call event without a contact id', (fake) => fake.pushRaw({ Type: 'CallContactEvent', Status: 'Active' })],
    ['a call status "Weird"', (fake) => fake.pushRaw(callEvent('9003', 'Weird'))],
    [
        'attempts 11 of 10',
        (fake) =>
            fake.pushRaw(
                callEvent('9004', 'NaturalCallDialing', {
                    ScreenPopUrlVariables: 'FirstName=Ann&LastName=Lee&Attempts=11&MaxAttempts=10'
                })
            )
    ],
    [
        'an unknown unavailable reason',
        (fake) =>
            fake.pushRaw({
                Type: 'AgentState',
                CurrentState: 'Unavailable',
                CurrentOutStateCode: 99999,
                CurrentOutStateDescription: 'Martian break',
                StartTimeUTC: new Date(Date.now() + 1000).toISOString()
            })
    ],
    [
        'a contact name <img src=x onerror=alert(1)>',
        (fake) =>
            fake.pushRaw(
                callEvent('9006', 'NaturalCallDialing', {
                    ScreenPopUrlVariables: `FirstName=${encodeURIComponent('<img src=x onerror=alert(1)>')}&LastName=Lee`
                })
            )
    ],
    [
        'a 1 MB contact name',
        (fake) =>
            fake.pushRaw(
                callEvent('9007', 'NaturalCallDialing', { ScreenPopUrlVariables: `FirstName=${HUGE}&LastName=Lee` })
            )
    ],
    ['malformed JSON from the long poll', (fake) => fake.inject('malformedJson')],
    [
        'an event for a call that already ended',
        (fake) => {
            fake.pushRaw(callEvent('9009', 'NaturalCallDialing'));
            fake.pushRaw(callEvent('9009', 'Disconnected', { FinalState: 'True' }));
            fake.pushRaw(callEvent('9009', 'Active'));
        }
    ],
    [
        'a fourth call when lines = 3',
        (fake) => {
            for (const id of ['9101', '9102', '9103', '9104']) fake.pushRaw(callEvent(id, 'NaturalCallDialing'));
        }
    ]
];
