/**
 * The composition root for an org: reads the admin settings through Salesforce, then builds the
 * service with the dialer adapter the settings name. Components receive the service from here and
 * never import an adapter or Apex themselves.
 */
import type { ConsoleApi, DialerAdapterKind } from 'c/pcModel';

/** Per-page choices from Lightning App Builder that override the stored settings. */
export interface RuntimeOptions {
    /** Overrides the stored dialer adapter for this page, when set. */
    readonly dialerAdapter?: DialerAdapterKind | null;
}

/** Builds the console service for this org and page. */
export async function createConsoleService(options: RuntimeOptions = {}): Promise<ConsoleApi> {
    throw new Error(`The console runtime is not assembled yet (${options.dialerAdapter ?? 'default adapter'})`);
}
