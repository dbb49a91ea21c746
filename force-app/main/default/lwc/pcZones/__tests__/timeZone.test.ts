/** The console's one time-zone engine, as the reschedule form, the zone picker and the formats all read it. */
import { browserTimeZone, offsetMinutes, offsetText, supportedZones, timeZones, zoneOffset } from 'c/pcZones';
import { agentTimeZone, listTimeZones } from 'c/pcSchedule';
import { timeZones as formatZones } from 'c/pcFormat';

const JANUARY = Date.UTC(2027, 0, 15, 12, 0, 0);
const JULY = Date.UTC(2027, 6, 15, 12, 0, 0);

describe('c/pcZones time-zone engine', () => {
    it('RS-1 the form, the zone picker and the formats offer one list of zones and one default zone', () => {
        expect(listTimeZones()).toBe(timeZones());
        expect(formatZones()).toBe(timeZones());
        expect(supportedZones()).toBe(timeZones());
        expect(agentTimeZone()).toBe(browserTimeZone());
    });

    it("RS-6 the picker's offset is the arithmetic's, in minutes, through daylight saving time", () => {
        expect(offsetMinutes('America/Chicago', JANUARY)).toBe(-360);
        expect(offsetMinutes('America/Chicago', JULY)).toBe(-300);
        expect(offsetMinutes('Asia/Kolkata', JULY)).toBe(zoneOffset(JULY, 'Asia/Kolkata') / 60_000);
        expect(offsetMinutes('UTC', JULY)).toBe(0);
        expect(offsetMinutes('Not/AZone', JULY)).toBe(0);
    });

    it('RS-2 an offset reads with a true minus sign, or the sign asked for', () => {
        expect(offsetText(-300)).toBe('UTC\u221205:00');
        expect(offsetText(-300, '-')).toBe('UTC-05:00');
        expect(offsetText(330)).toBe('UTC+05:30');
    });
});
