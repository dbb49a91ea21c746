/**
 * Every Apex method of the console's controller as a jest mock (`default` is a `jest.fn()`), so a suite sets what
 * the org answers. Import it before anything that imports Apex: the mocks must exist when c/pcApexGateway loads.
 * The methods are named here rather than read from c/pcApexGateway, because importing it would load Apex first.
 */
const METHODS = [
    'getSettings',
    'findContact',
    'getContactHistory',
    'getCallingListContacts',
    'logAttempt',
    'collectSignIn'
] as const;

for (const method of METHODS) {
    jest.mock(`@salesforce/apex/PersonalConnectionController.${method}`, () => ({ default: jest.fn() }), {
        virtual: true
    });
}
