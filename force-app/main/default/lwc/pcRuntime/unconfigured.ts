/**
 * The dialer of a console whose dialer cannot be set up from the admin's settings (a CXone dialer without an
 * endpoint or sign-in settings). It never connects: the console starts, shows the connection as Failed with what is
 * missing, and lists the settings problems (AD-3), instead of failing to load or guessing another dialer.
 */
import { DialerError, DialerEvents } from 'c/pcDialerPort';
import type { DialerAdapter, DialerEventHandler, DialerEventName, SessionInfo } from 'c/pcDialerPort';
import type {
    AttemptsHistory,
    Callback,
    DialerCapabilities,
    Disposition,
    Skill,
    UnavailableCode,
    Unsubscribe
} from 'c/pcModel';

const NOTHING: DialerCapabilities = Object.freeze({
    maxLines: 1,
    previewActions: [],
    machineOverrides: [],
    attemptsHistory: false,
    transferKinds: [],
    mute: false,
    hold: false,
    rescheduleDeliverTo: [],
    rescheduleTimeZone: false
});

/** A DialerAdapter that reports a configuration problem instead of connecting. */
export class UnconfiguredDialer implements DialerAdapter {
    readonly name = 'unconfigured';
    private readonly events = new DialerEvents();

    /** `detail` says what is missing and who fixes it; it names settings, never their values. */
    constructor(private readonly detail: string) {}

    /** Offers nothing, so the console shows no action it cannot perform. */
    capabilities(): DialerCapabilities {
        return NOTHING;
    }

    /** Subscribes; this dialer never emits. */
    on<K extends DialerEventName>(type: K, handler: DialerEventHandler<K>): Unsubscribe {
        return this.events.on(type, handler);
    }

    /** Always refused with the configuration problem. */
    connect(): Promise<SessionInfo> {
        return Promise.reject(new DialerError('Unsupported', this.detail));
    }

    /** Nothing to release. */
    disconnect(): Promise<void> {
        return Promise.resolve();
    }

    private refuse<T>(): Promise<T> {
        return Promise.reject(new DialerError('NotConnected', this.detail));
    }

    // Every command below is refused unsent: there is no dialer to send it to.
    listSkills(): Promise<readonly Skill[]> {
        return this.refuse();
    }
    listUnavailableCodes(): Promise<readonly UnavailableCode[]> {
        return this.refuse();
    }
    listDispositions(): Promise<readonly Disposition[]> {
        return this.refuse();
    }
    loginToSkill(): Promise<void> {
        return this.refuse();
    }
    logout(): Promise<void> {
        return this.refuse();
    }
    setAvailable(): Promise<void> {
        return this.refuse();
    }
    setUnavailable(): Promise<void> {
        return this.refuse();
    }
    acceptPreview(): Promise<void> {
        return this.refuse();
    }
    requeuePreview(): Promise<void> {
        return this.refuse();
    }
    snoozePreview(): Promise<void> {
        return this.refuse();
    }
    reschedulePreview(): Promise<Callback> {
        return this.refuse();
    }
    dispositionPreview(): Promise<void> {
        return this.refuse();
    }
    overrideMachine(): Promise<void> {
        return this.refuse();
    }
    hold(): Promise<void> {
        return this.refuse();
    }
    resume(): Promise<void> {
        return this.refuse();
    }
    mute(): Promise<void> {
        return this.refuse();
    }
    unmute(): Promise<void> {
        return this.refuse();
    }
    endCall(): Promise<void> {
        return this.refuse();
    }
    transfer(): Promise<void> {
        return this.refuse();
    }
    disposition(): Promise<void> {
        return this.refuse();
    }
    getAttemptsHistory(): Promise<AttemptsHistory> {
        return this.refuse();
    }
}
