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
