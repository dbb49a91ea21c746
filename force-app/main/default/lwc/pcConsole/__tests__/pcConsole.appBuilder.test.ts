import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PcConsole from 'c/pcConsole';
import { createConsoleService } from 'c/pcRuntime';
import { applyPageOverrides, parseSettings } from 'c/pcSettings';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import { makePreviewState, makeState } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import { byDataId, cleanup, query, render, textOf } from 'test-support/lwc';

jest.mock('c/pcRuntime', () => ({ createConsoleService: jest.fn() }), { virtual: false });
const mockedCreate = createConsoleService as jest.MockedFunction<typeof createConsoleService>;

describe('c-pc-console App Builder properties', () => {
    afterEach(() => {
        cleanup();
        mockedCreate.mockReset();
    });

    it('AD-4 hands its Value one / Value two and console-tab properties to the runtime as the page overrides', async () => {
        mockedCreate.mockResolvedValue(new StubConsoleApi());
        await render('c-pc-console', PcConsole, {
            valueOneLabel: 'Title',
            valueOneSource: 'ContactField',
            valueOneField: 'Title',
            valueTwoField: 'Product',
            contactTab: 'Subtab'
        });
        expect(mockedCreate).toHaveBeenCalledWith({
            dialerAdapter: null,
            page: {
                valueOne: { label: 'Title', source: 'ContactField', field: 'Title' },
                valueTwo: { label: '', source: '', field: 'Product' },
                contactTab: 'Subtab'
            }
        });
    });

    it("AD-4 the preview shows the page's labels instead of the metadata's", async () => {
        const { settings } = parseSettings(
            applyPageOverrides(
                { ...DEFAULT_SETTINGS },
                { valueOne: { label: 'Job title', source: 'ContactField', field: 'Title' } }
            )
        );
        const service = new StubConsoleApi(makeState({ settings, preview: makePreviewState() }));
        const el = await render('c-pc-console', PcConsole, { service });
        const preview = textOf(query(el, 'c-pc-preview-window')!);
        expect(preview).toContain('Job title');
        expect(preview).not.toContain('Account');
    });

    it('AD-3 AD-4 a bad page property is listed by its App Builder name, with what the console uses instead', async () => {
        const { settings, problems } = parseSettings(
            applyPageOverrides(
                { ...DEFAULT_SETTINGS },
                {
                    valueOne: { source: 'ContactField', field: 'Account..Name' },
                    valueTwo: { source: 'Formula' }
                }
            )
        );
        const service = new StubConsoleApi(makeState({ settings, settingsProblems: problems }));
        const el = await render('c-pc-console', PcConsole, { service });
        const text = byDataId(el, 'settings-problems')!.textContent;
        expect(text).toContain('Value one (field), App Builder property: unknown field. Using Account.Name instead.');
        expect(text).toContain('Value two (source), App Builder property: invalid. Using DialerField instead.');
        expect(service.callsOf('start')).toHaveLength(1);
        await expect(el).toBeAccessible();
    });

    it('UB-1 the utility bar the package ships opens the console in its one-column layout, 400 x 600', () => {
        const page = readFileSync(
            join(__dirname, '../../../flexipages/Personal_Connection_UtilityBar.flexipage-meta.xml'),
            'utf8'
        );
        const property = (name: string) =>
            new RegExp(`<name>${name}</name>(?:\\s*<type>decorator</type>)?\\s*<value>([^<]*)</value>`).exec(page)?.[1];
        expect(page).toContain('<componentName>c:pcConsole</componentName>');
        expect([property('compact'), property('width'), property('height')]).toEqual(['true', '400', '600']);
    });
});
