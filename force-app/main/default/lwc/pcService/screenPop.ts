/**
 * The screen pop (CL-2, SP-1 .. SP-5): the dialer's data at once, then the Contact, its history and the Attempts
 * History read from Salesforce and the dialer behind it. The Contact ids found are kept for attempt logging.
 */
import type { AttemptsHistory, CallingRecord, ScreenPop, ShownValue, ValueFieldSetting } from 'c/pcModel';
import { placeFieldsOf } from 'c/pcCompliance';
import type { PopApi, ServiceContext } from './context';
import { attemptsFromSalesforce } from './salesforceAttempts';
import type { Patch } from './store';

function shownValue(
    setting: ValueFieldSetting,
    record: CallingRecord,
    contactFields: Readonly<Record<string, string | null>> | null
): ShownValue {
    const value =
        setting.source === 'DialerField'
            ? dialerField(record.fields, setting.field)
            : (contactFields?.[setting.field] ?? undefined);
    return { label: setting.label, value: value ?? '' };
}

/**
 * A calling-list field by name: exactly, else regardless of case, since a dialer may change the case of its
 * column names (CXone sends them in lower case) while the admin writes them as the list has them.
 */
function dialerField(fields: Readonly<Record<string, string>>, name: string): string | undefined {
    if (Object.prototype.hasOwnProperty.call(fields, name)) return fields[name];
    const wanted = name.toLowerCase();
    const key = Object.keys(fields).find((k) => k.toLowerCase() === wanted);
    return key === undefined ? undefined : fields[key];
}

/** The screen-pop slice: the pop in state, the load in flight (its token) and the Contact ids found. */
export class ScreenPops implements PopApi {
    private token = 0;
    /** Contact ids found for dialer records, so logging links the Task without a second lookup. */
    private readonly contactIds = new Map<string, string | null>();

    constructor(private readonly ctx: ServiceContext) {}

    /** The Contact id found for a dialer record: undefined when none was looked up. */
    contactIdOf(recordId: string): string | null | undefined {
        return this.contactIds.get(recordId);
    }

    show(forId: string, record: CallingRecord, number: string): ScreenPop {
        // Stryker disable next-line AssignmentOperator: counting down keeps every pop's token distinct, all a token is for
        this.token += 1;
        const token = this.token;
        const settings = this.ctx.store.state.settings;
        this.ctx.store.afterCommit(() => {
            // Stryker disable all: a guard against an unhandled rejection; each part of the load settles by itself
            this.load(token, record, number).catch((e: unknown) => {
                console.error('Screen pop failed', e instanceof Error ? e.name : typeof e);
            });
            // Stryker restore all
        });
        return {
            forId,
            record,
            contact: null,
            valueOne: shownValue(settings.valueOne, record, null),
            valueTwo: shownValue(settings.valueTwo, record, null),
            history: [],
            attemptsHistory: null,
            loading: true
        };
    }

    private attemptsAllowed(): boolean {
        const state = this.ctx.store.state;
        return state.settings.attemptsHistoryEnabled && state.capabilities.attemptsHistory;
    }

    /** Attempts History is wanted but the dialer supplies none: it is built from Salesforce's records (BX-1). */
    private attemptsFromSalesforce(): boolean {
        const state = this.ctx.store.state;
        return state.settings.attemptsHistoryEnabled && !state.capabilities.attemptsHistory;
    }

    private async load(token: number, record: CallingRecord, number: string): Promise<void> {
        const { store, gateway, adapter, errors: errs } = this.ctx;
        const settings = store.state.settings;
        const shown = [settings.valueOne, settings.valueTwo].filter((v) => v.source === 'ContactField');
        // The Contact's place fields too, so the rules read its zone and state from the record (CP-1).
        const fields = [...new Set([...shown.map((v) => v.field), ...placeFieldsOf(settings)])];
        const contactPart = (async () => {
            const contact = await gateway.findContact({
                salesforceId: record.salesforceId,
                dialerRecordId: record.id,
                phone: number,
                fields
            });
            this.remember(record.id, contact ? contact.id : null);
            const history = contact ? await gateway.getContactHistory(contact.id) : [];
            return { contact, history };
        })();
        // Asked inside an async function: an adapter that throws before giving a promise fails this part alone.
        const attemptsPart = this.attemptsAllowed()
            ? (async () => adapter.getAttemptsHistory(record.id))()
            : Promise.resolve(null);
        const [contactResult, attemptsResult] = await Promise.allSettled([contactPart, attemptsPart]);
        const pop = store.state.screenPop;
        // Stryker disable next-line ConditionalExpression: a pop keeps the record it was shown with, so a pop with the current token is of this record
        if (!store.running || token !== this.token || !pop || pop.record.id !== record.id) return;
        let errors = store.state.errors;
        let next: ScreenPop = { ...pop, loading: false };
        if (contactResult.status === 'fulfilled') {
            const { contact, history } = contactResult.value;
            const contactFields = contact ? contact.fields : null;
            next = {
                ...next,
                contact,
                history,
                valueOne: shownValue(settings.valueOne, record, contactFields),
                valueTwo: shownValue(settings.valueTwo, record, contactFields)
            };
        } else {
            errors = errs.add(errs.of(contactResult.reason, 'screenPop', 'Salesforce'), errors);
        }
        // Stryker disable next-line ConditionalExpression: where Attempts History comes from Salesforce the dialer is not asked, so that part never fails
        if (attemptsResult.status === 'fulfilled' && this.attemptsFromSalesforce()) {
            // The dialer keeps no Attempts History: the attempts logged to Salesforce stand in, marked as such.
            const logged = contactResult.status === 'fulfilled' ? contactResult.value.history : [];
            next = { ...next, attemptsHistory: attemptsFromSalesforce(record.id, number, logged) };
        } else if (attemptsResult.status === 'fulfilled') {
            next = { ...next, attemptsHistory: attemptsResult.value };
        } else {
            errors = errs.add(errs.of(attemptsResult.reason, 'attemptsHistory'), errors);
        }
        const patch: Patch = { screenPop: next, errors };
        if (attemptsResult.status === 'fulfilled') {
            const preview = this.ctx.preview.narrowed(record.id, attemptsResult.value);
            if (preview) patch.preview = preview;
        }
        store.commit(patch);
    }

    private remember(recordId: string, contactId: string | null): void {
        this.contactIds.delete(recordId);
        this.contactIds.set(recordId, contactId);
        // Bounded: a shift touches thousands of records, only the recent ones are logged.
        if (this.contactIds.size > 64) {
            const oldest = this.contactIds.keys().next().value;
            if (oldest !== undefined) this.contactIds.delete(oldest);
        }
    }

    /** The dialer's newer Attempts History: on the pop of that record, and narrowing its preview's actions. */
    onAttemptsUpdated(history: AttemptsHistory): void {
        const store = this.ctx.store;
        const patch: Patch = {};
        const pop = store.state.screenPop;
        if (pop && pop.record.id === history.recordId && this.attemptsAllowed()) {
            patch.screenPop = { ...pop, attemptsHistory: history };
        }
        const preview = this.ctx.preview.narrowed(history.recordId, history);
        if (preview) patch.preview = preview;
        if (patch.screenPop || patch.preview) store.commit(patch);
    }
}
