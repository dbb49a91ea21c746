/**
 * WU-5: the admin's presence mapping at its edges (which row applies each way, codes by id or label, any case),
 * through the mapping functions the presence sync applies.
 */
import { DEFAULT_PRESENCE_MAP } from 'c/pcModel';
import type { PresenceMapping } from 'c/pcModel';
import { codeMatches, dialerRowFor, keyOf, keyText, omniTargetFor, same } from '../presenceMapping';
import { makeCallView, makeState } from 'test-support/fixtures';

const BREAK = { id: 'code-break', label: 'Break' };
const LUNCH = { id: 'code-lunch', label: 'Lunch' };

const row = (over: Partial<PresenceMapping>): PresenceMapping => ({
    name: 'Row',
    dialerState: 'Unavailable',
    unavailableCode: '',
    presenceStatus: 'Away',
    direction: 'Both',
    ...over
});

function agentState(
    status: 'LoggedOut' | 'Working' | 'Unavailable',
    code = BREAK,
    calls = 0
): ReturnType<typeof makeState> {
    const base = makeState();
    return makeState({
        agent: { ...base.agent, status, unavailableCode: status === 'Unavailable' ? code : null },
        calls: Array.from({ length: calls }, () => makeCallView())
    });
}

describe('WU-5 the dialer side as the mapping reads it', () => {
    it('WU-5 logged out wins over a call; a call wins over Unavailable; Unavailable carries its code', () => {
        expect(keyOf(agentState('LoggedOut', BREAK, 1))).toEqual({ state: 'LoggedOut', code: null });
        expect(keyOf(agentState('Unavailable', BREAK, 1))).toEqual({ state: 'OnCall', code: null });
        expect(keyOf(agentState('Working', BREAK, 1))).toEqual({ state: 'OnCall', code: null });
        expect(keyOf(agentState('Unavailable', LUNCH))).toEqual({ state: 'Unavailable', code: LUNCH });
        expect(keyOf(agentState('Working'))).toEqual({ state: 'Available', code: null });
    });

    it('WU-5 two keys are alike only with the same state and code', () => {
        expect(keyText({ state: 'Unavailable', code: BREAK })).toBe('Unavailable:code-break');
        expect(keyText({ state: 'Available', code: null })).toBe('Available:');
    });

    it('WU-5 names compare regardless of case and never match when absent', () => {
        expect(same('Away', 'aWAY')).toBe(true);
        expect(same('Away', 'Busy')).toBe(false);
        expect(same(null, null)).toBe(false);
        expect(same(undefined, 'Away')).toBe(false);
        expect(same('Away', null)).toBe(false);
    });

    it('WU-5 a row names a code by id or by label; no code matches nothing', () => {
        expect(codeMatches(row({ unavailableCode: 'code-lunch' }), LUNCH)).toBe(true);
        expect(codeMatches(row({ unavailableCode: 'lunch' }), LUNCH)).toBe(true);
        expect(codeMatches(row({ unavailableCode: 'Lunch' }), BREAK)).toBe(false);
        expect(codeMatches(row({ unavailableCode: 'Lunch' }), null)).toBe(false);
    });
});

describe('WU-5 the row that applies each way', () => {
    const map: readonly PresenceMapping[] = [
        row({ name: 'Any', presenceStatus: 'Away' }),
        row({ name: 'Lunch', unavailableCode: 'Lunch', presenceStatus: 'Lunch' }),
        row({ name: 'Only in', unavailableCode: 'code-break', presenceStatus: 'Coffee', direction: 'ToDialer' }),
        row({ name: 'Avail', dialerState: 'Available', presenceStatus: 'Available' }),
        row({ name: 'Busy', dialerState: 'OnCall', presenceStatus: 'Busy', direction: 'ToOmni' })
    ];

    it('WU-5 a row naming the code wins over the row for any code, whatever their order', () => {
        expect(omniTargetFor(map, { state: 'Unavailable', code: LUNCH })).toBe('Lunch');
        expect(omniTargetFor([...map].reverse(), { state: 'Unavailable', code: LUNCH })).toBe('Lunch');
        expect(omniTargetFor(map, { state: 'Unavailable', code: { id: 'code-x', label: 'Training' } })).toBe('Away');
    });

    it('WU-5 a row only toward the dialer never sets Omni-Channel', () => {
        expect(omniTargetFor(map, { state: 'Unavailable', code: BREAK })).toBe('Away');
    });

    it('WU-5 no row for a state: nothing to set', () => {
        expect(omniTargetFor(map, { state: 'LoggedOut', code: null })).toBeNull();
        expect(omniTargetFor([row({ unavailableCode: 'Lunch' })], { state: 'Unavailable', code: BREAK })).toBeNull();
        expect(omniTargetFor(DEFAULT_PRESENCE_MAP, { state: 'OnCall', code: null })).toBe('Busy');
    });

    it('WU-5 toward the dialer: by status in any case, never an OnCall row nor one only toward Omni-Channel', () => {
        expect(dialerRowFor(map, 'coffee')?.name).toBe('Only in');
        expect(dialerRowFor(map, 'Busy')).toBeNull();
        expect(dialerRowFor([row({ presenceStatus: 'Away', direction: 'ToOmni' })], 'Away')).toBeNull();
        expect(dialerRowFor(map, 'Away')?.name).toBe('Any');
        expect(dialerRowFor(map, 'Nowhere')).toBeNull();
        const busyBothWays = row({ dialerState: 'OnCall', presenceStatus: 'Busy', direction: 'Both' });
        expect(dialerRowFor([busyBothWays], 'Busy')).toBeNull();
    });
});
