/**
 * WU-5: the org adapter through the package's Aura wrapper. The wrapper's own controller and helper (the code an
 * org runs) build the bridge around a fake lightning:omniToolkitAPI and a fake Apex action; the adapter is driven
 * only through the PresencePort.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createOmniPresence, OmniToolkitPresence } from 'c/pcOmniToolkit';
import type { OmniToolkitBridge } from 'c/pcOmniToolkit';
import type { PresenceChange } from 'c/pcPresencePort';

const AURA = resolve(__dirname, '../../../aura/PersonalConnectionConsole');

type Fn = (...args: never[]) => unknown;
type Bundle = Record<string, Fn>;

interface FakeAura {
    getCallback<T extends Fn>(fn: T): T;
    enqueueAction(action: { run(): void }): void;
}

/** An Aura bundle file (`({ ... })`) as the framework evaluates it, with `$A` given. */
function loadBundle(file: string, $A: FakeAura): Bundle {
    const source = readFileSync(join(AURA, file), 'utf8');
    // eslint-disable-next-line no-new-func -- the wrapper's own source, evaluated as Aura itself loads it
    return new Function('$A', `return ${source.trim().replace(/;$/, '')};`)($A) as Bundle;
}

const STATUSES = [
    { id: '0N5000000000001AAA', developerName: 'Available', label: 'Available' },
    { id: '0N5000000000002AAA', developerName: 'Busy', label: 'Busy' },
    { id: 'not-an-id', developerName: 'Broken', label: 'Broken' }
];

function answer(id: string): Record<string, string> {
    const s = STATUSES.find((x) => x.id === id)!;
    return { statusId: s.id, statusName: s.label, statusApiName: s.developerName, channels: '[]' };
}

function wrapper(options: { apexState?: string; toolkitRejects?: boolean } = {}) {
    const toolkit: {
        calls: string[];
        current: string | null;
        getServicePresenceStatusId: jest.Mock;
        setServicePresenceStatus: jest.Mock;
        logout: jest.Mock;
    } = {
        calls: [] as string[],
        current: '0N5000000000001AAA' as string | null,
        getServicePresenceStatusId: jest.fn((): Promise<unknown> => {
            return toolkit.current ? Promise.resolve(answer(toolkit.current)) : Promise.reject(new Error('logged out'));
        }),
        setServicePresenceStatus: jest.fn((args: { statusId: string }) => {
            toolkit.calls.push(args.statusId);
            if (options.toolkitRejects) return Promise.reject(new Error('Agent 005xx... not allowed'));
            toolkit.current = args.statusId;
            return Promise.resolve(answer(args.statusId));
        }),
        logout: jest.fn(() => Promise.resolve(true))
    };
    const apexCalls: string[] = [];
    const $A: FakeAura = {
        getCallback: (fn) => fn,
        enqueueAction: (action) => action.run()
    };
    const attributes: Record<string, unknown> = {};
    const component = {
        find: (id: string) => (id === 'omniToolkit' ? toolkit : undefined),
        set: (key: string, value: unknown) => {
            attributes[key] = value;
        },
        get: (key: string) => {
            if (key !== 'c.getPresenceStatuses') return attributes[key];
            apexCalls.push(key);
            let callback: ((response: unknown) => void) | null = null;
            return {
                setCallback: (_scope: unknown, fn: (response: unknown) => void) => {
                    callback = fn;
                },
                run: () =>
                    callback?.({
                        getState: () => options.apexState ?? 'SUCCESS',
                        getReturnValue: () => STATUSES
                    })
            };
        }
    };
    const controller = loadBundle('PersonalConnectionConsoleController.js', $A);
    const helper = loadBundle('PersonalConnectionConsoleHelper.js', $A);
    const call = (name: string, params: Record<string, unknown> = {}): void => {
        const event = { getParam: (key: string) => params[key] };
        (controller[name] as (c: unknown, e: unknown, h: unknown) => void)(component, event, helper);
    };
    call('init');
    const bridge = attributes['v.bridge'] as OmniToolkitBridge;
    return { toolkit, apexCalls, bridge, call };
}

describe('WU-5 the Omni-Channel toolkit adapter through the Aura wrapper', () => {
    it('WU-5 sets a status by its developer name: the wrapper reads the ids once through Apex and calls the toolkit', async () => {
        const { toolkit, apexCalls, bridge } = wrapper();
        const port = createOmniPresence(bridge)!;
        expect(port).toBeInstanceOf(OmniToolkitPresence);
        await expect(port.setStatus('busy')).resolves.toEqual({ apiName: 'Busy', label: 'Busy' });
        await expect(port.setStatus('Available')).resolves.toEqual({ apiName: 'Available', label: 'Available' });
        expect(toolkit.calls).toEqual(['0N5000000000002AAA', '0N5000000000001AAA']);
        expect(apexCalls).toHaveLength(1);
    });

    it('WU-5 reads the status now, and none while the agent is logged out of Omni-Channel', async () => {
        const { toolkit, bridge } = wrapper();
        const port = createOmniPresence(bridge)!;
        await expect(port.getStatus()).resolves.toEqual({ apiName: 'Available', label: 'Available' });
        toolkit.current = null;
        await expect(port.getStatus()).resolves.toBeNull();
    });

    it('WU-5 a status the org does not offer is refused before the toolkit is called', async () => {
        const { toolkit, bridge } = wrapper();
        const port = createOmniPresence(bridge)!;
        await expect(port.setStatus('Lunch')).rejects.toMatchObject({ name: 'PresenceError', code: 'NotFound' });
        // A record with a malformed id is not used either.
        await expect(port.setStatus('Broken')).rejects.toMatchObject({ code: 'NotFound' });
        expect(toolkit.calls).toEqual([]);
    });

    it('WU-5 a toolkit refusal is a typed error that quotes nothing the platform said', async () => {
        const { bridge } = wrapper({ toolkitRejects: true });
        const port = createOmniPresence(bridge)!;
        const error = await port.setStatus('Busy').catch((e: unknown) => e);
        expect(error).toMatchObject({ name: 'PresenceError', code: 'Rejected' });
        expect((error as Error).message).not.toContain('005');
    });

    it('WU-5 statuses Apex cannot give are a Permission error, and the next call reads them again', async () => {
        const failing = wrapper({ apexState: 'ERROR' });
        const port = createOmniPresence(failing.bridge)!;
        await expect(port.setStatus('Busy')).rejects.toMatchObject({ code: 'Permission' });
        await expect(port.setStatus('Busy')).rejects.toMatchObject({ code: 'Permission' });
        expect(failing.apexCalls).toHaveLength(2);
    });

    it('WU-5 the forwarded events become presence changes: the agent own, the toolkit echo, logout and login', async () => {
        const { bridge, call } = wrapper();
        const port = createOmniPresence(bridge)!;
        const seen: PresenceChange[] = [];
        const off = port.onChange((c) => seen.push(c));
        call('onStatusChanged', { ...answer('0N5000000000002AAA'), reason: 'OmniManualStatusChange' });
        call('onStatusChanged', { ...answer('0N5000000000001AAA'), reason: 'OmniToolkitStatusChange' });
        call('onLogout', { reason: 'OmniSupervisorLogout' });
        // Login names its status by id only: known once the statuses were read (15- or 18-character id).
        call('onLoginSuccess', { statusId: '0N5000000000002' });
        await port.setStatus('Busy');
        call('onLoginSuccess', { statusId: '0N5000000000002' });
        // Malformed events are dropped.
        call('onStatusChanged', { statusId: '<img>', statusApiName: 'x y', reason: 'OmniManualStatusChange' });
        off();
        call('onStatusChanged', { ...answer('0N5000000000002AAA'), reason: 'OmniManualStatusChange' });
        expect(seen).toEqual([
            { status: { apiName: 'Busy', label: 'Busy' }, cause: 'Omni' },
            { status: { apiName: 'Available', label: 'Available' }, cause: 'Toolkit' },
            { status: null, cause: 'Omni' },
            { status: { apiName: 'Busy', label: 'Busy' }, cause: 'Omni' }
        ]);
    });

    it('WU-5 logout goes to the toolkit', async () => {
        const { toolkit, bridge } = wrapper();
        await createOmniPresence(bridge)!.logout();
        expect(toolkit.logout).toHaveBeenCalledTimes(1);
    });

    it('WU-5 without a usable bridge there is no presence port', () => {
        expect(createOmniPresence(null)).toBeNull();
        expect(createOmniPresence({ getServicePresenceStatusId: () => null })).toBeNull();
    });
});
