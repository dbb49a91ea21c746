/** The bundled libphonenumber-js (scripts/build-phone-lib.mjs) has the package's own types. */
declare module 'c/pcPhoneLib' {
    export { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/min';
}

/** The user's Salesforce locale and time zone (the local console stands in the browser's). */
declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}
declare module '@salesforce/i18n/timeZone' {
    const timeZone: string;
    export default timeZone;
}
