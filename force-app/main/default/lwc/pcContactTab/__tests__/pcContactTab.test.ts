import { ContactTabOpener, tabForRecord } from 'c/pcContactTab';
import type { WorkspaceApi, WorkspaceTab } from 'c/pcContactTab';

function fakeWorkspace(tabs: readonly WorkspaceTab[], focused: WorkspaceTab | null) {
    const calls: string[] = [];
    const api: WorkspaceApi = {
        getAllTabInfo: () => Promise.resolve(tabs),
        getFocusedTabInfo: () => Promise.resolve(focused),
        openTab: (o) => {
            calls.push(`openTab ${o.recordId}`);
            return Promise.resolve('t');
        },
        openSubtab: (parent, o) => {
            calls.push(`openSubtab ${parent} ${o.recordId}`);
            return Promise.resolve('t');
        },
        focusTab: (id) => {
            calls.push(`focusTab ${id}`);
            return Promise.resolve();
        }
    };
    return { api, calls };
}

describe('pcContactTab', () => {
    it('AD-5 finds a tab for the record by its 15- or 18-character id, also among subtabs', () => {
        const tabs = [
            { tabId: 'a', recordId: '001000000000001AAA', subtabs: [{ tabId: 'a1', recordId: '003000000000002' }] }
        ];
        expect(tabForRecord(tabs, '003000000000002BBB')?.tabId).toBe('a1');
        expect(tabForRecord(tabs, '003000000000003AAA')).toBeNull();
    });

    it('AD-5 a subtab opens under the parent of a focused subtab', async () => {
        const { api, calls } = fakeWorkspace([], { tabId: 'a1', isSubtab: true, parentTabId: 'a' });
        await new ContactTabOpener(api).show('003000000000002BBB', 'Subtab');
        expect(calls).toEqual(['openSubtab a 003000000000002BBB']);
    });

    it('AD-5 a subtab with no focused workspace tab opens as a tab', async () => {
        const { api, calls } = fakeWorkspace([], null);
        await new ContactTabOpener(api).show('003000000000002BBB', 'Subtab');
        expect(calls).toEqual(['openTab 003000000000002BBB']);
    });
});
