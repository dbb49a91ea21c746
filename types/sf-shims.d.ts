// Module declarations the platform provides at run time that @salesforce/lightning-types does not cover.
declare module '@salesforce/apex/*' {
    const apexMethod: (params?: Record<string, unknown>) => Promise<unknown>;
    export default apexMethod;
}
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}
declare module '@salesforce/user/Id' {
    const userId: string;
    export default userId;
}
declare module 'lightning/platformShowToastEvent' {
    export class ShowToastEvent extends CustomEvent<{ title?: string; message: string; variant?: string }> {
        constructor(init: {
            title?: string;
            message: string;
            variant?: 'info' | 'success' | 'warning' | 'error';
            mode?: string;
        });
    }
}
declare module 'lightning/navigation' {
    /** Where to navigate: a Lightning page reference. */
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    }
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
    /** What NavigationMixin adds to a component. */
    export interface NavigationMixinApi {
        [Navigate](pageRef: PageReference, replace?: boolean): void;
        [GenerateUrl](pageRef: PageReference): Promise<string>;
    }
    // A TypeScript mixin needs a constructor with `any[]` rest parameters.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Ctor<T = object> = new (...args: any[]) => T;
    export const NavigationMixin: {
        <T extends Ctor>(base: T): T & Ctor<NavigationMixinApi>;
        readonly Navigate: typeof Navigate;
        readonly GenerateUrl: typeof GenerateUrl;
    };
}
declare module 'lightning/platformWorkspaceApi' {
    /** A workspace tab or subtab (the fields the console reads). */
    export interface TabInfo {
        tabId: string;
        recordId?: string | null;
        parentTabId?: string | null;
        isSubtab?: boolean;
        subtabs?: TabInfo[];
    }
    export function getAllTabInfo(): Promise<TabInfo[]>;
    export function getFocusedTabInfo(): Promise<TabInfo>;
    export function openTab(options: { recordId?: string; url?: string; focus?: boolean }): Promise<string>;
    export function openSubtab(
        parentTabId: string,
        options: { recordId?: string; url?: string; focus?: boolean }
    ): Promise<string>;
    export function focusTab(tabId: string): Promise<void>;
}
declare module '@salesforce/messageChannel/*' {
    /** A Lightning Message Service channel, as the platform resolves it. */
    const channel: unknown;
    export default channel;
}
declare module '@salesforce/schema/*' {
    /** A field or object reference, as the platform resolves it. */
    const field: { objectApiName: string; fieldApiName?: string };
    export default field;
}
declare module 'lightning/messageService' {
    /** A subscription's handle, for unsubscribe. */
    export type Subscription = object;
    export type MessageContext = object;
    export const APPLICATION_SCOPE: unknown;
    export function createMessageContext(): MessageContext;
    export function releaseMessageContext(context: MessageContext): void;
    export function publish(context: MessageContext, channel: unknown, message: unknown): void;
    export function subscribe(
        context: MessageContext,
        channel: unknown,
        listener: (message: unknown) => void,
        options?: { scope?: unknown }
    ): Subscription;
    export function unsubscribe(subscription: Subscription): void;
}
declare module 'lightning/uiRecordApi' {
    /** A record as the UI API returns it (only what is read here). */
    export interface RecordRepresentation {
        fields: Record<string, { value: unknown; displayValue?: string | null } | undefined>;
    }
    /** The record's wire adapter; its value is `{ data, error }`. */
    export const getRecord: import('lwc').WireAdapterConstructor<
        Record<string, unknown>,
        { data?: RecordRepresentation; error?: unknown }
    >;
    export function getFieldValue(record: RecordRepresentation, field: unknown): unknown;
}
