// What one tab reads of another tab's error: the channel is untrusted, so only codes the console has a message
// for pass; anything else reads as Unknown (BX-2, BX-5, UB-6).
import { DialerError } from 'c/pcDialerPort';
import { ErrorCode } from 'c/pcModel';
import { errorFrom } from '../wire';

describe('c/pcTabShare wire: errors from another tab', () => {
    it('BX-2 UB-6 keeps a known code, its message and whether it can be retried', () => {
        const error = errorFrom({ code: 'Unavailable', message: 'accept: 503', retryable: true });
        expect(error).toBeInstanceOf(DialerError);
        expect(error).toMatchObject({ code: ErrorCode.Unavailable, message: 'accept: 503', retryable: true });
    });

    it.each([['<img src=x onerror=alert(1)>'], ['constructor'], ['toString'], [42], [null]])(
        'BX-2 UB-6 reads an unknown code (%p) as Unknown, never as a code without a message',
        (code) => {
            expect(errorFrom({ code, message: 'm', retryable: true })).toMatchObject({
                code: ErrorCode.Unknown,
                retryable: true
            });
        }
    );

    it('BX-2 a reply that is not an object is a failure that cannot be retried, with a plain message', () => {
        expect(errorFrom('boom')).toMatchObject({ code: ErrorCode.Unknown, message: 'failed', retryable: false });
        expect(errorFrom({ code: 'Timeout', retryable: 'yes' })).toMatchObject({
            code: ErrorCode.Timeout,
            message: 'failed',
            retryable: false
        });
    });
});
