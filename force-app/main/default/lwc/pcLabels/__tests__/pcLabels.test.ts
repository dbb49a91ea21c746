import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
    LABELS,
    CALL_STATUS_LABELS,
    AGENT_STATUS_LABELS,
    UNAVAILABLE_REASON_LABELS,
    OUTCOME_LABELS,
    ERROR_CODE_LABELS,
    RESCHEDULE_ERROR_LABELS,
    formatLabel,
    settingName
} from 'c/pcLabels';
import { CallStatus, DestinationUnavailableReason, ErrorCode, Outcome, RescheduleErrorCode } from 'c/pcModel';

const LWC_DIR = join(__dirname, '..', '..');
const LABELS_FILE = join(LWC_DIR, '..', 'labels', 'CustomLabels.labels-meta.xml');

describe('c/pcLabels', () => {
    it('BX-8 gives every button, tab and status of "Names the UI uses" from a custom label', () => {
        const names = [
            'Accept',
            'Requeue',
            'Reschedule',
            'Snooze',
            'Answering Machine',
            'Fax',
            'Bad Number',
            'Hold',
            'Resume',
            'Mute',
            'Unmute',
            'End Call',
            'Transfer',
            'Save',
            'Cancel',
            'Logout',
            'Contact History',
            'Attempts',
            'Attempts History',
            'Dialing',
            'Ringing',
            'AMD',
            'Active',
            'Held',
            'Ended'
        ];
        const values = new Set<string>(Object.values(LABELS));
        expect(names.filter((n) => !values.has(n))).toEqual([]);
        expect(Object.values(CALL_STATUS_LABELS)).toEqual(['Dialing', 'Ringing', 'AMD', 'Active', 'Held', 'Ended']);
    });

    it('BX-8 declares every imported label in the labels file, and every declared label is used', () => {
        const xml = readFileSync(LABELS_FILE, 'utf8');
        const declared = [...xml.matchAll(/<fullName>(PC_[A-Za-z0-9_]+)<\/fullName>/g)].map((m) => m[1]);
        const source = readFileSync(join(LWC_DIR, 'pcLabels', 'pcLabels.ts'), 'utf8');
        const imported = new Set([...source.matchAll(/@salesforce\/label\/c\.(PC_[A-Za-z0-9_]+)/g)].map((m) => m[1]));
        expect([...imported].filter((name) => !declared.includes(name))).toEqual([]);
        // Labels outside the components (Visualforce pages, Apex) are referenced there as $Label.c.X or Label.X.
        const elsewhere = ['pages', 'classes']
            .map((dir) => join(LWC_DIR, '..', dir))
            .filter((dir) => existsSync(dir))
            .flatMap((dir) => readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')))
            .join('\n');
        expect(declared.filter((name) => !imported.has(name) && !elsewhere.includes(name!))).toEqual([]);
        expect(xml.match(/<shortDescription>/g)?.length).toBe(declared.length);
    });

    it('BX-8 keeps every label on one line with no surrounding whitespace (formatters must not wrap them)', () => {
        const bad = Object.entries(LABELS).filter(([, v]) => v !== v.trim() || /\n/.test(v) || !v);
        expect(bad).toEqual([]);
    });

    it('BX-8 maps every status, reason, outcome and error code to a non-empty label', () => {
        for (const s of Object.values(CallStatus)) expect(CALL_STATUS_LABELS[s]).toBeTruthy();
        for (const r of Object.values(DestinationUnavailableReason)) expect(UNAVAILABLE_REASON_LABELS[r]).toBeTruthy();
        for (const o of Object.values(Outcome)) expect(OUTCOME_LABELS[o]).toBeTruthy();
        for (const c of Object.values(ErrorCode)) expect(ERROR_CODE_LABELS[c]).toBeTruthy();
        for (const c of Object.values(RescheduleErrorCode)) expect(RESCHEDULE_ERROR_LABELS[c]).toBeTruthy();
        expect(Object.keys(AGENT_STATUS_LABELS)).toHaveLength(4);
    });

    it('SP-3 names the eight unavailable reasons as the guide does', () => {
        expect(Object.values(UNAVAILABLE_REASON_LABELS)).toEqual([
            'Exhausted',
            'Finalized',
            'DNC',
            'Last Outcome Not Active for Calling',
            'Destination Not Active',
            'Max Answering Machine Detections',
            'Destination Not in Cadence',
            'Presented'
        ]);
    });

    it('BX-8 fills numbered and named placeholders and leaves unknown ones visible', () => {
        expect(formatLabel('{0} for {1}', ['Active', '0:05'])).toBe('Active for 0:05');
        expect(formatLabel('at most {max} characters', { max: '1000' })).toBe('at most 1000 characters');
        expect(formatLabel('Line {0} of {2}', [1])).toBe('Line 1 of {2}');
        expect(formatLabel('{0}', ['$& {1}', 'x'])).toBe('$& {1}');
    });

    it('AD-3 names a setting as the admin knows it, and keeps an unknown one as written', () => {
        expect(settingName('linesPerAgent')).toBe('Lines per agent');
        expect(settingName('valueOne.field')).toBe('Value one (field)');
        expect(settingName('cxoneClientId')).toBe('CXone client id');
        expect(settingName('cxoneRedirectUri')).toBe('CXone redirect URI');
        expect(settingName('someNewSetting')).toBe('someNewSetting');
        expect(settingName('constructor')).toBe('constructor');
    });

    it('BX-8 keeps user-facing text out of every component template', () => {
        const offenders: string[] = [];
        for (const dir of readdirSync(LWC_DIR)) {
            const html = join(LWC_DIR, dir, `${dir}.html`);
            if (!dir.startsWith('pc') || !existsSync(html)) continue;
            const text = readFileSync(html, 'utf8')
                .replace(/<!--[\s\S]*?-->/g, '')
                .replace(/<[^>]*>/g, ' ')
                .replace(/\{[^}]*\}/g, ' ');
            if (/[A-Za-z]/.test(text)) offenders.push(`${dir}: ${text.replace(/\s+/g, ' ').trim()}`);
        }
        expect(offenders).toEqual([]);
    });
});
