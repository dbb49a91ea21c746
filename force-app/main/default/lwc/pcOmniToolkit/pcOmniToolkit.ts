/**
 * The PresencePort over the Omni-Channel toolkit (WU-5). The toolkit is offered to Aura only
 * (`lightning:omniToolkitAPI` and the `lightning:omniChannel*` events; Lightning web components have no presence
 * API), so the package's Aura wrapper hosts the console and hands it an OmniToolkitBridge: the toolkit's calls,
 * the events forwarded, and the agent's presence statuses read through Apex. Everything it returns is untrusted:
 * checked here into the port's types. Statuses are set by id; the admin's mapping names them by developer name.
 */
import type { Unsubscribe } from 'c/pcModel';
import { PresenceError } from 'c/pcPresencePort';
import type { PresenceChange, PresencePort, PresenceStatus } from 'c/pcPresencePort';

/** What the Aura wrapper hands the console (see aura/PersonalConnectionConsole). */
export interface OmniToolkitBridge {
    /** lightning:omniToolkitAPI getServicePresenceStatusId(): { statusId, statusName, statusApiName }. */
    getServicePresenceStatusId(): Promise<unknown>;
    /** lightning:omniToolkitAPI setServicePresenceStatus({ statusId }): { statusId, statusName, statusApiName }. */
    setServicePresenceStatus(args: { readonly statusId: string }): Promise<unknown>;
    /** lightning:omniToolkitAPI logout(). */
    logout(): Promise<unknown>;
    /** The statuses the agent may use, from Apex: [{ id, developerName, label }]. */
    listStatuses(): Promise<unknown>;
    /**
     * Forwards lightning:omniChannelStatusChanged ('statusChanged'), omniChannelLogout ('logout') and
     * omniChannelLoginSuccess ('loginSuccess') with the event's parameters; returns the unsubscribe.
     */
    subscribe(listener: (name: string, params: unknown) => void): () => void;
}

/** One presence status the org offers the agent. */
interface OrgStatus extends PresenceStatus {
    readonly id: string;
}

const SALESFORCE_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
const DEVELOPER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const LABEL_MAX = 255;
/** The toolkit's reason when a toolkit call (this console's or another component's) changed the status. */
const TOOLKIT_REASON = 'OmniToolkitStatusChange';

type Raw = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Raw {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

/** The same id in its 15- or 18-character form. */
function idKey(id: string): string {
    return id.slice(0, 15);
}

function statusOf(value: unknown, idKeyName: string, nameKey: string, labelKey: string): OrgStatus | null {
    if (!isRecord(value)) return null;
    const id = str(value[idKeyName]);
    const apiName = str(value[nameKey]);
    if (!SALESFORCE_ID.test(id) || !DEVELOPER_NAME.test(apiName)) return null;
    const label = str(value[labelKey]).slice(0, LABEL_MAX) || apiName;
    return Object.freeze({ id, apiName, label });
}

/** The toolkit's failure as a port error; its own message may quote anything, so only the call is named. */
function toolkitError(call: string): (e: unknown) => never {
    return (e: unknown) => {
        if (e instanceof PresenceError) throw e;
        throw new PresenceError('Rejected', `${call} was refused`);
    };
}

/** The PresencePort of an org. */
export class OmniToolkitPresence implements PresencePort {
    readonly name = 'omni-toolkit';
    private statuses: readonly OrgStatus[] | null = null;
    private loading: Promise<readonly OrgStatus[]> | null = null;

    constructor(private readonly bridge: OmniToolkitBridge) {}

    /** The org's statuses, read once; a failed read is tried again on the next call. */
    private load(): Promise<readonly OrgStatus[]> {
        if (this.statuses) return Promise.resolve(this.statuses);
        this.loading ??= this.bridge.listStatuses().then(
            (raw) => {
                const list = Array.isArray(raw) ? (raw as readonly unknown[]) : [];
                const statuses = list
                    .map((s) => statusOf(s, 'id', 'developerName', 'label'))
                    .filter((s): s is OrgStatus => s !== null);
                this.statuses = Object.freeze(statuses);
                this.loading = null;
                return this.statuses;
            },
            () => {
                this.loading = null;
                throw new PresenceError('Permission', 'the presence statuses could not be read');
            }
        );
        return this.loading;
    }

    async getStatus(): Promise<PresenceStatus | null> {
        // The toolkit refuses this call while the agent is logged out of Omni-Channel.
        const raw = await this.bridge.getServicePresenceStatusId().catch(() => null);
        const status = statusOf(raw, 'statusId', 'statusApiName', 'statusName');
        return status ? { apiName: status.apiName, label: status.label } : null;
    }

    async setStatus(apiName: string): Promise<PresenceStatus> {
        const wanted = apiName.toLowerCase();
        const status = (await this.load()).find((s) => s.apiName.toLowerCase() === wanted);
        if (!status) throw new PresenceError('NotFound', `no presence status ${apiName} for this user`);
        const raw = await this.bridge
            .setServicePresenceStatus({ statusId: status.id })
            .catch(toolkitError('setServicePresenceStatus'));
        const confirmed = statusOf(raw, 'statusId', 'statusApiName', 'statusName');
        return confirmed
            ? { apiName: confirmed.apiName, label: confirmed.label }
            : { apiName: status.apiName, label: status.label };
    }

    async logout(): Promise<void> {
        await this.bridge.logout().catch(toolkitError('logout'));
    }

    onChange(listener: (change: PresenceChange) => void): Unsubscribe {
        return this.bridge.subscribe((name, params) => {
            const change = this.changeOf(name, params);
            if (change) listener(change);
        });
    }

    private changeOf(name: string, params: unknown): PresenceChange | null {
        if (name === 'logout') return { status: null, cause: 'Omni' };
        if (!isRecord(params)) return null;
        const cause = params.reason === TOOLKIT_REASON ? 'Toolkit' : 'Omni';
        if (name === 'statusChanged') {
            const status = statusOf(params, 'statusId', 'statusApiName', 'statusName');
            return status ? { status: { apiName: status.apiName, label: status.label }, cause } : null;
        }
        if (name === 'loginSuccess') {
            // This event names the status by id only: known once the statuses were read.
            const id = str(params.statusId);
            const status = SALESFORCE_ID.test(id) ? this.statuses?.find((s) => idKey(s.id) === idKey(id)) : undefined;
            return status ? { status: { apiName: status.apiName, label: status.label }, cause: 'Omni' } : null;
        }
        return null;
    }
}

/** The port over the bridge the Aura wrapper passed, or null when the console runs without it. */
export function createOmniPresence(bridge: unknown): PresencePort | null {
    if (!isRecord(bridge)) return null;
    const calls = ['getServicePresenceStatusId', 'setServicePresenceStatus', 'logout', 'listStatuses', 'subscribe'];
    if (!calls.every((c) => typeof bridge[c] === 'function')) return null;
    return new OmniToolkitPresence(bridge as unknown as OmniToolkitBridge);
}
