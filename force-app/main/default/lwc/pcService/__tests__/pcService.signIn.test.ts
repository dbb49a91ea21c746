// A dialer that needs a sign-in refuses the first connect; once the agent signs in and the console connects,
// the refusal is over and must not stay in the error panel with a Retry (BX-11, UB-6).
import { ConsoleService } from 'c/pcService';
import { DialerError } from 'c/pcDialerPort';
import type { DialerSignIn } from 'c/pcDialerPort';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import { VirtualClock } from 'c/pcVirtualClock';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import { flush } from 'test-support/time';
import { ScriptedDialer, T0 } from 'test-support/scriptedService';

describe('c-pc-service sign-in and the connect error', () => {
    it('BX-11 UB-6 the connect refused before the sign-in leaves the error panel once the signed-in console connects', async () => {
        let required = true;
        const port: DialerSignIn = {
            isRequired: () => required,
            onChange: () => () => undefined,
            signIn: jest.fn(async () => {
                required = false;
            })
        };
        const dialer = new ScriptedDialer();
        dialer.connect.mockRejectedValueOnce(new DialerError('Unauthorized', 'sign-in required'));
        const service = new ConsoleService({
            adapter: dialer,
            gateway: new InMemorySalesforceGateway({ contacts: [] }),
            clock: new VirtualClock({ startAt: T0 }),
            settings: DEFAULT_SETTINGS,
            signIn: port
        });
        await service.start();
        dialer.events.emit('error', new DialerError('Network', 'a poll dropped'));
        await flush();
        expect(service.getState().errors.map((e) => [e.code, e.command])).toEqual([
            ['Unauthorized', 'connect'],
            ['Network', null]
        ]);
        expect((await service.signIn()).ok).toBe(true);
        await flush();
        expect(service.getState().connection.status).toBe('Connected');
        // Only the connect's own error is over; what else happened stays for the agent to read.
        expect(service.getState().errors.map((e) => [e.code, e.command])).toEqual([['Network', null]]);
    });
});
