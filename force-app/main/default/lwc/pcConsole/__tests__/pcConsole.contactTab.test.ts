import PcConsole from 'c/pcConsole';
import { focusTab, getAllTabInfo, getFocusedTabInfo, openSubtab, openTab } from 'lightning/platformWorkspaceApi';
import { CallStatus, DEFAULT_SETTINGS } from 'c/pcModel';
import type { ContactTabMode } from 'c/pcModel';
import { makeCallView, makeScreenPop, makeState } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import { cleanup, flush, render } from 'test-support/lwc';

// sfdx-lwc-jest's stub of lightning/platformWorkspaceApi: every method a jest.fn resolving as the platform would.
const mocked = {
    openTab: openTab as unknown as jest.Mock,
    openSubtab: openSubtab as unknown as jest.Mock,
    focusTab: focusTab as unknown as jest.Mock,
    getAllTabInfo: getAllTabInfo as unknown as jest.Mock,
    getFocusedTabInfo: getFocusedTabInfo as unknown as jest.Mock
};
const CONTACT_ID = '003000000000001AAA';

/** A console whose call is dialling, then answered with its Contact found. */
async function answerWith(contactTab: ContactTabMode): Promise<StubConsoleApi> {
    const settings = { ...DEFAULT_SETTINGS, contactTab };
    const service = new StubConsoleApi(makeState({ settings, calls: [makeCallView({ status: CallStatus.Ringing })] }));
    await render('c-pc-console', PcConsole, { service });
    const contact = { ...makeScreenPop().contact!, id: CONTACT_ID };
    service.publish({
        calls: [makeCallView({ status: CallStatus.Active })],
        screenPop: makeScreenPop({ forId: 'call-1', contact })
    });
    await flush();
    return service;
}

describe('c-pc-console contact tab (workspace API)', () => {
    beforeEach(() => {
        mocked.getAllTabInfo.mockResolvedValue([{ tabId: 'tab0', recordId: '001000000000009AAA', subtabs: [] }]);
        mocked.getFocusedTabInfo.mockResolvedValue({ tabId: 'tab0', isSubtab: false });
    });
    afterEach(() => {
        cleanup();
        for (const fn of Object.values(mocked)) fn.mockClear();
    });

    it("AD-5 with the setting on Tab, an answer opens the Contact's record as a focused console tab", async () => {
        const service = await answerWith('Tab');
        expect(mocked.openTab).toHaveBeenCalledTimes(1);
        expect(mocked.openTab).toHaveBeenCalledWith({ recordId: CONTACT_ID, focus: true });
        expect(mocked.openSubtab).not.toHaveBeenCalled();
        // Later snapshots of the same call (the clock, a hold) do not open it again.
        service.publish({ calls: [makeCallView({ status: CallStatus.Held })] });
        await flush();
        expect(mocked.openTab).toHaveBeenCalledTimes(1);
    });

    it("AD-5 with the setting on Subtab, the Contact opens as a subtab of the agent's focused tab", async () => {
        await answerWith('Subtab');
        expect(mocked.openSubtab).toHaveBeenCalledWith('tab0', { recordId: CONTACT_ID, focus: true });
        expect(mocked.openTab).not.toHaveBeenCalled();
    });

    it('AD-5 a tab already open for the same Contact is focused, not opened twice', async () => {
        mocked.getAllTabInfo.mockResolvedValue([
            { tabId: 'tab0', recordId: '001000000000009AAA', subtabs: [{ tabId: 'tab0_1', recordId: CONTACT_ID }] }
        ]);
        await answerWith('Tab');
        expect(mocked.focusTab).toHaveBeenCalledWith('tab0_1');
        expect(mocked.openTab).not.toHaveBeenCalled();
        expect(mocked.openSubtab).not.toHaveBeenCalled();
    });

    it('AD-5 with the setting off, an answer opens no tab (the in-console screen pop alone)', async () => {
        await answerWith('Off');
        expect(mocked.getAllTabInfo).not.toHaveBeenCalled();
        expect(mocked.openTab).not.toHaveBeenCalled();
        expect(mocked.openSubtab).not.toHaveBeenCalled();
        expect(mocked.focusTab).not.toHaveBeenCalled();
    });

    it('AD-5 a call that is only dialling, or answered without a matched Contact, opens no tab', async () => {
        const settings = { ...DEFAULT_SETTINGS, contactTab: 'Tab' as const };
        const service = new StubConsoleApi(
            makeState({
                settings,
                calls: [makeCallView({ status: CallStatus.Ringing })],
                screenPop: makeScreenPop({ forId: 'call-1' })
            })
        );
        await render('c-pc-console', PcConsole, { service });
        service.publish({
            calls: [makeCallView({ status: CallStatus.Active })],
            screenPop: makeScreenPop({ contact: null })
        });
        await flush();
        expect(mocked.openTab).not.toHaveBeenCalled();
    });

    it('AD-5 outside a console app the refusal is logged and the console carries on', async () => {
        mocked.getAllTabInfo.mockRejectedValue(new Error('not a console app'));
        const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        await answerWith('Tab');
        expect(warn).toHaveBeenCalledWith('Personal Connection could not open the contact tab:', 'Error');
        expect(mocked.openTab).not.toHaveBeenCalled();
        warn.mockRestore();
    });
});
