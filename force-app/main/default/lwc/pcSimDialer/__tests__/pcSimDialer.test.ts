import { SimulatedDialer } from 'c/pcSimDialer';
import type { SimulatedDialerOptions } from 'c/pcSimDialer';

/** Sends a command and lets the dialer's latency pass on the virtual clock. */
async function run<T>(dialer: SimulatedDialer, command: Promise<T>, ms = 500): Promise<T> {
    dialer.control.advance(ms);
    return command;
}

async function loggedIn(options: Partial<SimulatedDialerOptions> = {}): Promise<SimulatedDialer> {
    const dialer = new SimulatedDialer({ seed: 7, ...options });
    await run(dialer, dialer.connect());
    await run(dialer, dialer.loginToSkill('skill-collections'));
    return dialer;
}

describe('c-pc-sim-dialer', () => {
    it('AV-1 connects to a session with the agent logged out', async () => {
        const dialer = new SimulatedDialer({ seed: 1 });
        const session = await run(dialer, dialer.connect());
        expect(session.agent.status).toBe('LoggedOut');
        expect(session.joined).toBe(false);
        expect(session.calls).toEqual([]);
    });

    it('AV-2 logs into a PC skill and starts delivering previews', async () => {
        const dialer = await loggedIn();
        expect(dialer.control.agent().status).toBe('Working');
        dialer.control.advance(5_000);
        expect(dialer.control.preview()).not.toBeNull();
    });

    it('CL-1 dials on its own without preview', async () => {
        const dialer = await loggedIn({ preview: false, lines: 2 });
        dialer.control.advance(5_000);
        expect(dialer.control.calls().length).toBeGreaterThan(0);
        expect(dialer.control.calls().length).toBeLessThanOrEqual(2);
    });
});
