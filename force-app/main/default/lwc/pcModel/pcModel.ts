/**
 * The model of the Personal Connection console: every type the SPEC names, defined once.
 * Enums are `as const` objects with a union type of the same name, so values are checked exactly
 * at each trust boundary (see the `is*` guards at the bottom).
 */

/** Epoch milliseconds (UTC). Every instant in the model is one of these. */
export type Instant = number;

/** Releases a subscription; calling it twice is harmless. */
export type Unsubscribe = () => void;

// ---------------------------------------------------------------------------------------------
// Agent (AV)
// ---------------------------------------------------------------------------------------------

/** The agent's state as the availability control shows it (AV-1). */
export const AgentStatus = {
    LoggedOut: 'LoggedOut',
    Available: 'Available',
    Unavailable: 'Unavailable',
    Working: 'Working'
} as const;
export type AgentStatus = (typeof AgentStatus)[keyof typeof AgentStatus];

/** A change the agent asked for that waits until the current call finishes (AV-3, AV-4). */
export const PendingAgentChange = {
    Logout: 'Logout',
    Unavailable: 'Unavailable'
} as const;
export type PendingAgentChange = (typeof PendingAgentChange)[keyof typeof PendingAgentChange];

/** An unavailable code the dialer offers (Break, Lunch, Training ...). */
export interface UnavailableCode {
    readonly id: string;
    readonly label: string;
}

/** A skill assigned to the agent; only Personal Connection skills can be chosen for outbound work (AV-2). */
export interface Skill {
    readonly id: string;
    readonly name: string;
    readonly isPersonalConnection: boolean;
    /** The dialer's own wrap-up limit for this skill, in seconds, where it has one (WU-1); the shorter limit wins. */
    readonly wrapUpSeconds?: number;
}

/** What the dialer says of the agent. */
export interface AgentState {
    readonly status: AgentStatus;
    /** The Personal Connection skill the agent works, while Working (or Unavailable after working it). */
    readonly skillId: string | null;
    readonly skillName: string | null;
    /** Set while Unavailable. */
    readonly unavailableCode: UnavailableCode | null;
    /** A logout or unavailable request that waits for the current call to finish. */
    readonly pending: PendingAgentChange | null;
    readonly since: Instant;
}

// ---------------------------------------------------------------------------------------------
// Outcomes and dispositions
// ---------------------------------------------------------------------------------------------

/** The result of one attempt on a destination: system outcomes and agent dispositions alike. */
export const Outcome = {
    Live: 'Live',
    AnsweringMachine: 'AnsweringMachine',
    Fax: 'Fax',
    BadNumber: 'BadNumber',
    NoAnswer: 'NoAnswer',
    Busy: 'Busy',
    Refused: 'Refused',
    WrongNumber: 'WrongNumber',
    DoNotCall: 'DoNotCall',
    Rescheduled: 'Rescheduled',
    Requeued: 'Requeued',
    Snoozed: 'Snoozed',
    RoutedToAnotherAgent: 'RoutedToAnotherAgent',
    Completed: 'Completed',
    Sale: 'Sale',
    Abandoned: 'Abandoned',
    /** The agent transferred the live call (to a skill, an agent or a number); the wrap-up says so. */
    Transferred: 'Transferred',
    /** An answering machine took the admin's recorded message (WU-3). */
    VoicemailLeft: 'VoicemailLeft'
} as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** The three outcomes an agent can set by hand while a call is Dialing, Ringing or in AMD (AM-1). */
export const MachineOverride = {
    AnsweringMachine: 'AnsweringMachine',
    Fax: 'Fax',
    BadNumber: 'BadNumber'
} as const;
export type MachineOverride = (typeof MachineOverride)[keyof typeof MachineOverride];

/** A disposition the skill offers when a call ends (CL-4) or from the preview (BX-7). */
export interface Disposition {
    readonly id: string;
    readonly label: string;
    /** The outcome recorded on the attempt when this disposition is saved. */
    readonly outcome: Outcome;
    /** Whether the agent must write notes for it. */
    readonly requiresNotes: boolean;
}

// ---------------------------------------------------------------------------------------------
// Destinations and attempts (SP-2 .. SP-5)
// ---------------------------------------------------------------------------------------------

export const DestinationKind = {
    Phone: 'Phone',
    Sms: 'Sms',
    Email: 'Email'
} as const;
export type DestinationKind = (typeof DestinationKind)[keyof typeof DestinationKind];

/** Exactly the eight reasons of SP-3 why a destination cannot be attempted now. */
export const DestinationUnavailableReason = {
    Exhausted: 'Exhausted',
    Finalized: 'Finalized',
    Dnc: 'DNC',
    LastOutcomeNotActiveForCalling: 'LastOutcomeNotActiveForCalling',
    DestinationNotActive: 'DestinationNotActive',
    MaxAnsweringMachineDetections: 'MaxAnsweringMachineDetections',
    DestinationNotInCadence: 'DestinationNotInCadence',
    Presented: 'Presented'
} as const;
export type DestinationUnavailableReason =
    (typeof DestinationUnavailableReason)[keyof typeof DestinationUnavailableReason];

/** One attempt in the Attempt Report (SP-4). */
export interface Attempt {
    /** 1-based attempt number on its destination. */
    readonly number: number;
    readonly destinationId: string;
    readonly destinationDescription: string;
    readonly at: Instant;
    readonly outcome: Outcome;
}

/** One destination of a calling record with its attempts (one row of Attempts History, SP-2). */
export interface Destination {
    readonly id: string;
    readonly kind: DestinationKind;
    /** e.g. "PhoneNumber", "Mobile", "Email". */
    readonly description: string;
    /** The phone number (E.164), SMS number or email address. */
    readonly value: string;
    readonly attempts: number;
    /** Null where it is not known: Attempts History built from Salesforce's records knows no dialer maximum. */
    readonly maxAttempts: number | null;
    /** When the destination became available for this attempt; null means "Now". */
    readonly availableAt: Instant | null;
    readonly lastPresentation: Instant | null;
    readonly lastOutcome: Outcome | null;
    /** Null when the destination can be attempted now (SP-5). */
    readonly unavailableReason: DestinationUnavailableReason | null;
    /** Cadence position: lower is dialled first. */
    readonly cadenceOrder: number;
}

/** Where an Attempts History came from. */
export const AttemptsHistorySource = {
    /** The dialer's own, complete. */
    Dialer: 'Dialer',
    /**
     * Built from the attempts logged to Salesforce (BX-1) where the dialer supplies none: numbers, times and
     * outcomes are known; the dialer's maximum attempts, availability and unavailable reasons are not.
     */
    Salesforce: 'Salesforce'
} as const;
export type AttemptsHistorySource = (typeof AttemptsHistorySource)[keyof typeof AttemptsHistorySource];

/** The history of a record the dialer supplies for the screen pop (SP-2, SP-4). */
export interface AttemptsHistory {
    readonly recordId: string;
    readonly destinations: readonly Destination[];
    /** Every attempt on the record, oldest first. */
    readonly attempts: readonly Attempt[];
    /** The dialer's when absent. */
    readonly source?: AttemptsHistorySource;
}

// ---------------------------------------------------------------------------------------------
// Calling records, previews and calls (PV, CL, AM)
// ---------------------------------------------------------------------------------------------

/** The dialer's view of a calling-list record: who to call and the list's own fields. */
export interface CallingRecord {
    readonly id: string;
    readonly firstName: string;
    readonly lastName: string;
    /** The contact's IANA time zone, if the list has one. */
    readonly timeZone: string | null;
    /** The Salesforce record id the list carries, if any. */
    readonly salesforceId: string | null;
    /** The calling list's custom fields (sources for Value one / Value two). Text only, never HTML. */
    readonly fields: Readonly<Record<string, string>>;
}

/** The actions a preview can offer (PV-2 .. PV-5, BX-7). */
export const PreviewAction = {
    Accept: 'Accept',
    Requeue: 'Requeue',
    Reschedule: 'Reschedule',
    Snooze: 'Snooze',
    Disposition: 'Disposition'
} as const;
export type PreviewAction = (typeof PreviewAction)[keyof typeof PreviewAction];

/** What happens when a preview countdown reaches zero (BX-6). */
export const PreviewTimeoutAction = {
    Requeue: 'Requeue',
    Dial: 'Dial'
} as const;
export type PreviewTimeoutAction = (typeof PreviewTimeoutAction)[keyof typeof PreviewTimeoutAction];

/** A record offered for preview before the dialer calls it (PV-1). */
export interface Preview {
    readonly id: string;
    readonly skillId: string;
    readonly record: CallingRecord;
    /** The destination that would be dialled; never an unavailable one (SP-5). */
    readonly destinationId: string;
    readonly number: string;
    /** Attempts made on the record so far. */
    readonly attemptsSoFar: number;
    /** The actions the dialer allows for this preview (before admin settings narrow them). */
    readonly actions: readonly PreviewAction[];
    readonly offeredAt: Instant;
    /** Set where the dialer sets a preview timeout (BX-6). */
    readonly timeout: { readonly expiresAt: Instant; readonly atZero: PreviewTimeoutAction } | null;
}

/** Call statuses, in the words of the guide (CL-1). */
export const CallStatus = {
    Dialing: 'Dialing',
    Ringing: 'Ringing',
    Amd: 'AMD',
    Active: 'Active',
    Held: 'Held',
    Ended: 'Ended'
} as const;
export type CallStatus = (typeof CallStatus)[keyof typeof CallStatus];

/** Statuses in which a machine override is allowed (AM-1, AM-3). */
export const OVERRIDABLE_STATUSES: readonly CallStatus[] = [CallStatus.Dialing, CallStatus.Ringing, CallStatus.Amd];

/**
 * A command of the call card that the card's Retry sends again as it was (UB-6): a machine override (AM-1), leaving
 * voicemail (WU-3) or a call function (CL-4). A transfer is sent again from its own form, with what was entered.
 */
export const CallAction = {
    AnsweringMachine: 'AnsweringMachine',
    Fax: 'Fax',
    BadNumber: 'BadNumber',
    Voicemail: 'Voicemail',
    Hold: 'Hold',
    Resume: 'Resume',
    Mute: 'Mute',
    Unmute: 'Unmute',
    EndCall: 'EndCall'
} as const;
export type CallAction = (typeof CallAction)[keyof typeof CallAction];

export const CallDirection = {
    Outbound: 'Outbound',
    /** A rescheduled call delivered as a callback: looks like an inbound call (RS-4). */
    Callback: 'Callback'
} as const;
export type CallDirection = (typeof CallDirection)[keyof typeof CallDirection];

/** One line of the agent's set of calls (CL-1). */
export interface Call {
    readonly id: string;
    /** 1-based line number, at most the lines setting. */
    readonly line: number;
    readonly skillId: string;
    readonly record: CallingRecord;
    readonly destinationId: string;
    readonly number: string;
    readonly direction: CallDirection;
    readonly status: CallStatus;
    /** The call the dialer judges most likely to be answered next (CL-5). */
    readonly mostLikely: boolean;
    readonly muted: boolean;
    readonly startedAt: Instant;
    readonly statusSince: Instant;
    /** When the contact answered (Active), for the call's duration. */
    readonly answeredAt: Instant | null;
    readonly endedAt: Instant | null;
    /** Set once Ended. */
    readonly outcome: Outcome | null;
}

/** How a call can be transferred (CL-4). */
export const TransferTargetKind = {
    Skill: 'Skill',
    Agent: 'Agent',
    Number: 'Number'
} as const;
export type TransferTargetKind = (typeof TransferTargetKind)[keyof typeof TransferTargetKind];

export interface TransferTarget {
    readonly kind: TransferTargetKind;
    /** Skill id, agent id, or an E.164 number. */
    readonly value: string;
}

/** Deliver a rescheduled call to the agent who rescheduled it, or to anyone in the skill (RS-1). */
export const DeliverTo = {
    Me: 'Me',
    Skill: 'Skill'
} as const;
export type DeliverTo = (typeof DeliverTo)[keyof typeof DeliverTo];

/** A validated reschedule, ready for the dialer (RS-3). */
export interface RescheduleRequest {
    readonly number: string;
    readonly deliverTo: DeliverTo;
    readonly at: Instant;
    readonly timeZone: string;
    readonly notes: string;
}

/** A callback scheduled by a reschedule, delivered at its instant (RS-4). */
export interface Callback {
    readonly id: string;
    readonly recordId: string;
    readonly contactName: string;
    readonly number: string;
    readonly deliverTo: DeliverTo;
    readonly dueAt: Instant;
    readonly timeZone: string;
    readonly notes: string;
    readonly skillId: string;
}

export const MessageKind = {
    Callback: 'Callback',
    Routed: 'Routed',
    Info: 'Info',
    Warning: 'Warning'
} as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

/** A message to the agent (AG-1). Text only, never HTML. */
export interface AgentMessage {
    readonly id: string;
    readonly kind: MessageKind;
    readonly at: Instant;
    readonly text: string;
    /** The callback number, for Callback messages. */
    readonly number: string | null;
    /** The notes typed when the callback was booked, for Callback messages (UB-7). */
    readonly notes?: string;
}

// ---------------------------------------------------------------------------------------------
// Dialer connection and capabilities
// ---------------------------------------------------------------------------------------------

export const ConnectionStatus = {
    Disconnected: 'Disconnected',
    Connecting: 'Connecting',
    Connected: 'Connected',
    Reconnecting: 'Reconnecting',
    Failed: 'Failed',
    /** Another tab drives the session; this one mirrors it (BX-2). */
    Mirroring: 'Mirroring',
    /**
     * Joined an existing session whose current state the dialer has not reported yet: what the console
     * shows of the agent may be out of date until it does (BX-2).
     */
    Resynchronising: 'Resynchronising'
} as const;
export type ConnectionStatus = (typeof ConnectionStatus)[keyof typeof ConnectionStatus];

export interface ConnectionState {
    readonly status: ConnectionStatus;
    /** Technical detail for the agent ("retrying in 4 s", "token expired"); never contains PII. */
    readonly detail: string;
    /** Reconnect attempt number while Reconnecting. */
    readonly attempt: number;
    readonly nextRetryAt: Instant | null;
}

/** What a dialer offers; the console hides what it does not (and never fakes it). */
export interface DialerCapabilities {
    readonly maxLines: number;
    readonly previewActions: readonly PreviewAction[];
    readonly machineOverrides: readonly MachineOverride[];
    readonly attemptsHistory: boolean;
    readonly transferKinds: readonly TransferTargetKind[];
    readonly mute: boolean;
    readonly hold: boolean;
    /** Reschedule targets the dialer honours (RS-1); the form offers only these. */
    readonly rescheduleDeliverTo: readonly DeliverTo[];
    /** Whether the dialer keeps the reschedule's time zone (RS-1); where not, only the instant is sent. */
    readonly rescheduleTimeZone: boolean;
    /** Whether the agent can leave the skill's recorded message at an answering machine (WU-3); absent is no. */
    readonly voicemailDrop?: boolean;
    /** Whether the agent can dial a number the dialer did not deliver (click-to-dial, WU-4); absent is no. */
    readonly agentDial?: boolean;
}

/** An agent-initiated outbound call (WU-4): the number, and the Contact it belongs to when known. */
export interface AgentDialRequest {
    /** The number as the record holds it; the service sends it in E.164. */
    readonly number: string;
    /** The Salesforce Contact id, so the call and its Task link to the record it was dialed from. */
    readonly contactId: string | null;
}

// ---------------------------------------------------------------------------------------------
// Admin settings (AD)
// ---------------------------------------------------------------------------------------------

export const ValueSourceKind = {
    ContactField: 'ContactField',
    DialerField: 'DialerField'
} as const;
export type ValueSourceKind = (typeof ValueSourceKind)[keyof typeof ValueSourceKind];

/** Value one / Value two: a label and where its value comes from (AD-1). */
export interface ValueFieldSetting {
    readonly label: string;
    readonly source: ValueSourceKind;
    /** A Contact field API name, or a calling-list field name. */
    readonly field: string;
}

/** Whether the matched Contact also opens as a console tab on answer (AD-5), and as which kind. */
export const ContactTabMode = {
    Off: 'Off',
    Tab: 'Tab',
    Subtab: 'Subtab'
} as const;
export type ContactTabMode = (typeof ContactTabMode)[keyof typeof ContactTabMode];

export const CallingHoursGuard = {
    Off: 'Off',
    Warn: 'Warn',
    Refuse: 'Refuse'
} as const;
export type CallingHoursGuard = (typeof CallingHoursGuard)[keyof typeof CallingHoursGuard];

export const DialerAdapterKind = {
    Simulated: 'Simulated',
    CXone: 'CXone'
} as const;
export type DialerAdapterKind = (typeof DialerAdapterKind)[keyof typeof DialerAdapterKind];

// Compliance rule sets (CP-1, CP-2), part of the settings

// ---------------------------------------------------------------------------------------------

/** What a broken rule does: refuse the action, or let the agent go on after one more confirmation (CP-1). */
export const RuleMode = {
    Block: 'Block',
    Warn: 'Warn'
} as const;
export type RuleMode = (typeof RuleMode)[keyof typeof RuleMode];

/** One rule set (PC_Rule_Set__mdt, CP-2): where it applies, its calling window and its attempt limits. */
export interface ComplianceRuleSet {
    /** The record's developer name, e.g. `US_Florida`. */
    readonly name: string;
    /** What the agent reads in a refusal ("Florida"). */
    readonly label: string;
    /** ISO 3166-1 alpha-2 country it applies in (`US`). */
    readonly country: string;
    /** ISO 3166-2 regions (`US-FL`); empty: the whole country. */
    readonly regions: readonly string[];
    /** NANP area codes it also covers, whatever the contact's region. */
    readonly areaCodes: readonly string[];
    /** Calling window in the contact's local time, minutes after midnight; null: no window. */
    readonly windowStartMinute: number | null;
    readonly windowEndMinute: number | null;
    /** Most attempts to one number within the rolling window; null: no limit. */
    readonly perDestinationLimit: number | null;
    /** Most attempts to the contact, over all its numbers, within the rolling window; null: no limit. */
    readonly perContactLimit: number | null;
    /** The rolling window of the limits, in hours (24; 168 for seven days). */
    readonly limitWindowHours: number;
    readonly mode: RuleMode;
    readonly active: boolean;
}

/** Which part of a rule set was broken (CP-1). */
export type FindingKind = 'Dnc' | 'Window' | 'DestinationLimit' | 'ContactLimit';

/** One broken rule (CP-3 says it in words). */
export interface ComplianceFinding {
    readonly kind: FindingKind;
    readonly mode: RuleMode;
    /** The rule set's developer name; `DNC` for the Do Not Call list. */
    readonly rule: string;
    /** The rule set's label, for the agent ("Florida"). */
    readonly ruleLabel: string;
    /** The zone the finding reads the contact's local time in (the strictest one); null where none applies. */
    readonly zone: string | null;
    /** The first instant at or after the one asked about that this rule allows; null: never (DNC). */
    readonly nextAt: Instant | null;
    readonly windowStartMinute: number | null;
    readonly windowEndMinute: number | null;
    /** For a limit: the limit, the attempts counted and the window in hours. */
    readonly limit: number | null;
    readonly counted: number | null;
    readonly limitWindowHours: number | null;
}

/** The answer: Allowed, Warn (the agent may go on after confirming) or Block, and the broken rules. */
export interface ComplianceVerdict {
    readonly verdict: 'Allowed' | 'Warn' | 'Block';
    readonly findings: readonly ComplianceFinding[];
    /** The first instant at or after the one asked about that no blocking rule forbids; null: never. */
    readonly nextAllowedAt: Instant | null;
}

/**
 * A refusal or warning the console shows where the agent acted (CP-1, CP-3): the broken rules as of the instant
 * asked about, and when the contact can next be called.
 */
export interface ComplianceNotice {
    readonly verdict: 'Warn' | 'Block';
    /** The rules broken; for a Block only the blocking ones. */
    readonly findings: readonly ComplianceFinding[];
    /** The instant asked about: now for a call, the chosen instant for a reschedule. */
    readonly at: Instant;
    readonly nextAllowedAt: Instant | null;
}

function frozenRuleSet(set: ComplianceRuleSet): ComplianceRuleSet {
    return Object.freeze({
        ...set,
        regions: Object.freeze([...set.regions]),
        areaCodes: Object.freeze([...set.areaCodes])
    });
}

/**
 * The rule sets the package ships as PC_Rule_Set__mdt records, the same values (CP-2): US federal
 * (47 CFR 64.1200(c)(1)), Florida, Oklahoma (on) and Regulation F (off until the admin turns it on). Used where
 * no org is read and in place of a shipped record that cannot be read (AD-3).
 */
export const DEFAULT_RULE_SETS: readonly ComplianceRuleSet[] = Object.freeze([
    frozenRuleSet({
        name: 'US_Federal',
        label: 'US federal law',
        country: 'US',
        regions: [],
        areaCodes: [],
        windowStartMinute: 8 * 60,
        windowEndMinute: 21 * 60,
        perDestinationLimit: null,
        perContactLimit: null,
        limitWindowHours: 24,
        mode: RuleMode.Block,
        active: true
    }),
    frozenRuleSet({
        name: 'US_Florida',
        label: 'Florida',
        country: 'US',
        regions: ['US-FL'],
        areaCodes: [],
        windowStartMinute: 8 * 60,
        windowEndMinute: 20 * 60,
        perDestinationLimit: null,
        perContactLimit: 3,
        limitWindowHours: 24,
        mode: RuleMode.Block,
        active: true
    }),
    frozenRuleSet({
        name: 'US_Oklahoma',
        label: 'Oklahoma',
        country: 'US',
        regions: ['US-OK'],
        areaCodes: [],
        windowStartMinute: 8 * 60,
        windowEndMinute: 20 * 60,
        perDestinationLimit: null,
        perContactLimit: 3,
        limitWindowHours: 24,
        mode: RuleMode.Block,
        active: true
    }),
    frozenRuleSet({
        name: 'US_Regulation_F',
        label: 'Regulation F',
        country: 'US',
        regions: [],
        areaCodes: [],
        windowStartMinute: null,
        windowEndMinute: null,
        perDestinationLimit: null,
        perContactLimit: 7,
        limitWindowHours: 7 * 24,
        mode: RuleMode.Block,
        active: false
    })
]);

/** Whether a destination can be called now (CP-4): Now; Now after a warning; Later (from a known instant); No. */
export const CallableStatus = {
    Now: 'Now',
    Warn: 'Warn',
    Later: 'Later',
    No: 'No'
} as const;
export type CallableStatus = (typeof CallableStatus)[keyof typeof CallableStatus];

/** What keeps a destination from being called now: a rule set's window or limit, Do Not Call, or the dialer. */
export type CallableReason =
    | { readonly kind: 'Window'; readonly rule: string }
    | { readonly kind: 'Limit'; readonly rule: string; readonly limit: number; readonly hours: number }
    | { readonly kind: 'Dnc' }
    | { readonly kind: 'Dialer'; readonly reason: DestinationUnavailableReason };

/** One destination's answer in Attempts History's Callable (CP-4), from the rules and the dialer's own reasons. */
export interface DestinationCallable {
    readonly status: CallableStatus;
    /** Null when Now. */
    readonly reason: CallableReason | null;
    /** Later: when it becomes callable; Warn: until when the rule warns; null otherwise. */
    readonly from: Instant | null;
    /** The contact's zone `from` reads in; null where none is known. */
    readonly zone: string | null;
}

/** Callable per destination id (phones only). */
export type Callability = Readonly<Record<string, DestinationCallable>>;

/** The admin settings of AD-2, with their defaults in DEFAULT_SETTINGS. */
export interface Settings {
    readonly linesPerAgent: number;
    readonly previewEnabled: boolean;
    readonly rescheduleEnabled: boolean;
    readonly screenPopsEnabled: boolean;
    readonly attemptsHistoryEnabled: boolean;
    readonly defaultDeliverTo: DeliverTo;
    /**
     * @deprecated Retired by the compliance rule sets (CP-1), which check every action, not only Reschedule. Still
     * read so an org's existing settings record loads; nothing decides on it (docs/compliance.md, section 6).
     */
    readonly callingHoursGuard: CallingHoursGuard;
    /** @deprecated As callingHoursGuard: a rule set's window replaces it. */
    readonly callingHoursStartMinute: number;
    /** @deprecated As callingHoursGuard: a rule set's window replaces it. */
    readonly callingHoursEndMinute: number;
    readonly notesMaxLength: number;
    readonly dialerAdapter: DialerAdapterKind;
    /** The dialer's API endpoint (CXone); empty for the simulated dialer. */
    readonly dialerEndpoint: string;
    /** CXone sign-in: the auth host serving `/.well-known/openid-configuration`; empty when both endpoints are set. */
    readonly cxoneAuthHost: string;
    /** CXone sign-in: the authorize endpoint, when not discovered from the auth host. */
    readonly cxoneAuthorizeEndpoint: string;
    /** CXone sign-in: the token endpoint, when not discovered from the auth host. */
    readonly cxoneTokenEndpoint: string;
    /** CXone sign-in: the OAuth client id registered in CXone (a public client, PKCE). */
    readonly cxoneClientId: string;
    /** CXone sign-in: the tenant id, for a user with several tenants; empty otherwise. */
    readonly cxoneTenantId: string;
    /** The CXone agent id, when it is not learnt from the session; empty otherwise. */
    readonly cxoneAgentId: string;
    /** The agent's CXone station: a phone number, a station id, or `softphone`; sent with the session start. */
    readonly cxoneStation: string;
    /** The OAuth redirect URI; empty means the package's sign-in page on the org's Visualforce domain. */
    readonly cxoneRedirectUri: string;
    readonly valueOne: ValueFieldSetting;
    readonly valueTwo: ValueFieldSetting;
    /** Open the matched Contact as a console tab (or subtab of the focused tab) on answer (AD-5). */
    readonly contactTab: ContactTabMode;
    /** The Contact fields holding the contact's IANA zone, country and state (CP-1); empty: from the number. */
    readonly contactTimeZoneField: string;
    readonly contactCountryField: string;
    readonly contactStateField: string;
    /** The compliance rule sets (CP-2), active or not; bad records already left out (AD-3). */
    readonly ruleSets: readonly ComplianceRuleSet[];
    /** The wrap-up limit in seconds for every skill; 0 means none (WU-1). */
    readonly wrapUpLimitSeconds: number;
    /** Per-skill wrap-up limits in seconds, by dialer skill id; they replace the overall limit (WU-1). */
    readonly wrapUpSkillLimits: Readonly<Record<string, number>>;
    /** The disposition id applied when the wrap-up time runs out; empty means none (WU-1). */
    readonly wrapUpDefaultDisposition: string;
    /** What happens at zero: the default disposition is saved, or the agent goes Unavailable (WU-1). */
    readonly wrapUpAtZero: WrapUpAtZero;
    /** Disposition ids that require notes, besides those the dialer flags (WU-1). */
    readonly notesRequiredDispositions: readonly string[];
    /** Which side leads Omni-Channel presence, or Off (WU-5). */
    readonly presenceMode: PresenceMode;
    /** The admin's mapping of dialer states to Omni-Channel presence statuses (WU-5). */
    readonly presenceMap: readonly PresenceMapping[];
}

/** What the console does when the wrap-up time runs out (WU-1). */
export const WrapUpAtZero = {
    Disposition: 'Disposition',
    Unavailable: 'Unavailable'
} as const;
export type WrapUpAtZero = (typeof WrapUpAtZero)[keyof typeof WrapUpAtZero];

/** Who leads Omni-Channel presence (WU-5): the dialer, Salesforce, both (the latest change wins), or no sync. */
export const PresenceMode = {
    Off: 'Off',
    DialerLeads: 'DialerLeads',
    SalesforceLeads: 'SalesforceLeads',
    Both: 'Both'
} as const;
export type PresenceMode = (typeof PresenceMode)[keyof typeof PresenceMode];

/** The dialer's side of a presence mapping: its agent states, and OnCall for a call on a line or in wrap-up. */
export const PresenceDialerState = {
    Available: 'Available',
    Unavailable: 'Unavailable',
    OnCall: 'OnCall',
    LoggedOut: 'LoggedOut'
} as const;
export type PresenceDialerState = (typeof PresenceDialerState)[keyof typeof PresenceDialerState];

/** Which way a mapping row applies: dialer to Omni-Channel, Omni-Channel to dialer, or both. */
export const PresenceDirection = {
    ToOmni: 'ToOmni',
    ToDialer: 'ToDialer',
    Both: 'Both'
} as const;
export type PresenceDirection = (typeof PresenceDirection)[keyof typeof PresenceDirection];

/** The presence status name that stands for "logged out of Omni-Channel" in a mapping (no status has it). */
export const OMNI_OFFLINE = 'Offline';

/** One row of the admin's presence mapping (PC_Presence_Map__mdt, WU-5). */
export interface PresenceMapping {
    /** The record's developer name, for problems and logs. */
    readonly name: string;
    readonly dialerState: PresenceDialerState;
    /** For Unavailable: the dialer's unavailable code, by id or label; empty matches any code. */
    readonly unavailableCode: string;
    /** The ServicePresenceStatus developer name, or OMNI_OFFLINE. */
    readonly presenceStatus: string;
    readonly direction: PresenceDirection;
}

/** The mapping the package ships: Available both ways, a call shows Busy, Unavailable both ways as Away. */
export const DEFAULT_PRESENCE_MAP: readonly PresenceMapping[] = Object.freeze([
    Object.freeze({
        name: 'Available',
        dialerState: PresenceDialerState.Available,
        unavailableCode: '',
        presenceStatus: 'Available',
        direction: PresenceDirection.Both
    }),
    Object.freeze({
        name: 'On_Call',
        dialerState: PresenceDialerState.OnCall,
        unavailableCode: '',
        presenceStatus: 'Busy',
        direction: PresenceDirection.ToOmni
    }),
    Object.freeze({
        name: 'Unavailable',
        dialerState: PresenceDialerState.Unavailable,
        unavailableCode: '',
        presenceStatus: 'Away',
        direction: PresenceDirection.Both
    })
]);

export const DEFAULT_SETTINGS: Settings = Object.freeze({
    linesPerAgent: 1,
    previewEnabled: true,
    rescheduleEnabled: true,
    screenPopsEnabled: true,
    attemptsHistoryEnabled: true,
    defaultDeliverTo: DeliverTo.Me,
    callingHoursGuard: CallingHoursGuard.Warn,
    callingHoursStartMinute: 8 * 60,
    callingHoursEndMinute: 21 * 60,
    notesMaxLength: 1000,
    dialerAdapter: DialerAdapterKind.Simulated,
    dialerEndpoint: '',
    cxoneAuthHost: '',
    cxoneAuthorizeEndpoint: '',
    cxoneTokenEndpoint: '',
    cxoneClientId: '',
    cxoneTenantId: '',
    cxoneAgentId: '',
    cxoneStation: '',
    cxoneRedirectUri: '',
    valueOne: Object.freeze({ label: 'Account', source: ValueSourceKind.ContactField, field: 'Account.Name' }),
    valueTwo: Object.freeze({ label: 'Balance due', source: ValueSourceKind.DialerField, field: 'BalanceDue' }),
    contactTab: ContactTabMode.Off,
    contactTimeZoneField: '',
    contactCountryField: 'MailingCountry',
    contactStateField: 'MailingState',
    ruleSets: DEFAULT_RULE_SETS,
    wrapUpLimitSeconds: 0,
    wrapUpSkillLimits: Object.freeze({}),
    wrapUpDefaultDisposition: '',
    wrapUpAtZero: WrapUpAtZero.Disposition,
    notesRequiredDispositions: Object.freeze([]),
    presenceMode: PresenceMode.DialerLeads,
    presenceMap: DEFAULT_PRESENCE_MAP
});

/** A problem found in the admin's configuration (AD-3): which setting, what is wrong, what was used instead. */
export interface SettingsProblem {
    readonly setting: keyof Settings | string;
    readonly code: 'Missing' | 'OutOfRange' | 'Invalid' | 'UnknownField';
    /** The value the console uses instead. */
    readonly usedInstead: string;
}

// ---------------------------------------------------------------------------------------------
// Salesforce data (screen pop, Contact History, logging)
// ---------------------------------------------------------------------------------------------

/** The Salesforce contact matched to a dialer record (SP-1). Every value is text, never HTML. */
export interface ContactInfo {
    readonly id: string;
    readonly name: string;
    readonly phone: string | null;
    readonly email: string | null;
    readonly accountName: string | null;
    readonly title: string | null;
    readonly mailingCity: string | null;
    /** Values of the fields asked for (Value one / Value two sources), by API name. */
    readonly fields: Readonly<Record<string, string | null>>;
}

/** One earlier interaction with the contact (Contact History tab). */
export interface Interaction {
    readonly id: string;
    readonly at: Instant;
    readonly subject: string;
    readonly type: string;
    readonly outcome: string | null;
    readonly notes: string | null;
    /** On a Task this console logged for a dialer attempt (BX-1): the number dialled and the attempt's outcome. */
    readonly attempt?: { readonly number: string; readonly outcome: Outcome } | null;
}

/**
 * A Contact the simulated dialer may call in an org (demo and training): one marked with a dialer record id. The
 * simulated calling list is built from these, so its pops, Value one and Contact History are the org's own.
 */
export interface CallingListContact {
    /** The Salesforce Contact id. */
    readonly id: string;
    /** The dialer record id stored on the Contact; the calling record's id. */
    readonly dialerRecordId: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly accountName: string | null;
    /** The Contact's phone numbers as typed, by the Contact field they came from (Phone, MobilePhone ...). */
    readonly phones: readonly { readonly field: string; readonly number: string }[];
    readonly email: string | null;
}

/** A finished attempt to log as a Task (BX-1), idempotent on dialerContactId. */
export interface AttemptLog {
    /** The dialer's id of the call; the idempotency key. */
    readonly dialerContactId: string;
    readonly contactId: string | null;
    readonly recordId: string;
    readonly number: string;
    readonly direction: CallDirection;
    readonly outcome: Outcome;
    readonly dispositionLabel: string | null;
    readonly durationSeconds: number;
    readonly notes: string;
    readonly endedAt: Instant;
}

export interface LogResult {
    /** The Task; null when a concurrent request logged the attempt and its Task is not visible yet. */
    readonly taskId: string | null;
    /** False when the attempt had been logged before (a retry or a refresh). */
    readonly created: boolean;
}

/** Value one or Value two as the screen pop shows it (CL-2). */
export interface ShownValue {
    readonly label: string;
    readonly value: string;
}

/** The screen pop for a call or preview (CL-2, SP-1 .. SP-5). */
export interface ScreenPop {
    /** The call or preview it belongs to. */
    readonly forId: string;
    readonly record: CallingRecord;
    readonly contact: ContactInfo | null;
    readonly valueOne: ShownValue;
    readonly valueTwo: ShownValue;
    readonly history: readonly Interaction[];
    /** Null where the admin turned Attempts History off or the dialer does not supply it. */
    readonly attemptsHistory: AttemptsHistory | null;
    readonly loading: boolean;
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Where an error came from; the error panel shows each the same way. */
export const ErrorSource = {
    Dialer: 'Dialer',
    Salesforce: 'Salesforce',
    Validation: 'Validation',
    Configuration: 'Configuration',
    /** Omni-Channel presence in step with the dialer (WU-5). */
    OmniChannel: 'OmniChannel'
} as const;
export type ErrorSource = (typeof ErrorSource)[keyof typeof ErrorSource];

/** Error codes shared by adapters, the gateway and the service; the UI maps each to a label. */
export const ErrorCode = {
    Rejected: 'Rejected',
    Timeout: 'Timeout',
    NotConnected: 'NotConnected',
    InvalidState: 'InvalidState',
    Network: 'Network',
    Unauthorized: 'Unauthorized',
    SessionEnded: 'SessionEnded',
    Protocol: 'Protocol',
    Unsupported: 'Unsupported',
    InFlight: 'InFlight',
    NotFound: 'NotFound',
    Permission: 'Permission',
    /** A compliance rule refused the call, or asks the agent to confirm it (CP-1). */
    Compliance: 'Compliance',
    /** The dialer is overloaded or briefly down (HTTP 429 or 5xx): nothing was done; the same command can be retried. */
    Unavailable: 'Unavailable',
    Unknown: 'Unknown'
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The command of a click-to-dial that shows its own result beside its Call buttons (`CallCommands.clickToDial`): the
 * console's error banner leaves its failures out (UB-6: one failure, one message).
 */
export const CLICK_TO_DIAL_COMMAND = 'clickToDial';

/** An error as the console shows it: a code for the label, and a technical detail without PII. */
export interface ConsoleError {
    readonly id: string;
    readonly source: ErrorSource;
    readonly code: ErrorCode;
    /** Technical detail for support; never a phone number or a name. */
    readonly detail: string;
    readonly at: Instant;
    /** The command that failed, when there is one, so the UI can offer a retry. */
    readonly command:
        string | null; /** For code Compliance: the rules broken and when the contact can next be called (CP-3). */
    readonly compliance?: ComplianceNotice;
}

// ---------------------------------------------------------------------------------------------
// Reschedule validation (RS-2, RS-3, BX-3)
// ---------------------------------------------------------------------------------------------

/** What the agent typed in the reschedule form. Kept as typed; never cleared by an error. */
export interface RescheduleDraft {
    readonly number: string;
    readonly deliverTo: DeliverTo;
    /** As typed: ISO `2027-03-14`, the locale's numeric order or a month name (RS-5). */
    readonly date: string;
    /** As typed: `14:30` or `2:30 PM` (RS-5). */
    readonly time: string;
    /** IANA zone, e.g. America/Chicago */
    readonly timeZone: string;
    readonly notes: string;
}

export const RescheduleField = {
    Number: 'number',
    DeliverTo: 'deliverTo',
    Date: 'date',
    Time: 'time',
    TimeZone: 'timeZone',
    Notes: 'notes'
} as const;
export type RescheduleField = (typeof RescheduleField)[keyof typeof RescheduleField];

export const RescheduleErrorCode = {
    Required: 'Required',
    InvalidNumber: 'InvalidNumber',
    ForeignNumber: 'ForeignNumber',
    InvalidDate: 'InvalidDate',
    InvalidTime: 'InvalidTime',
    NotInFuture: 'NotInFuture',
    TooFarAhead: 'TooFarAhead',
    UnknownZone: 'UnknownZone',
    NonexistentLocalTime: 'NonexistentLocalTime',
    AmbiguousLocalTime: 'AmbiguousLocalTime',
    NotesTooLong: 'NotesTooLong',
    /** CP-1: a rule set refuses (Block) or warns about (Warn) the chosen instant; the notice says which and why. */
    ComplianceBlocked: 'ComplianceBlocked',
    ComplianceWarning: 'ComplianceWarning',
    InvalidDeliverTo: 'InvalidDeliverTo',
    /** RS-5: what each part of a typed date or time got wrong. */
    DateFormat: 'DateFormat',
    MonthOutOfRange: 'MonthOutOfRange',
    DayOutOfRange: 'DayOutOfRange',
    TimeFormat: 'TimeFormat',
    HourOutOfRange: 'HourOutOfRange',
    MinuteOutOfRange: 'MinuteOutOfRange',
    /** RS-7: which phone-number rule failed. */
    NumberTooShort: 'NumberTooShort',
    NumberTooLong: 'NumberTooLong',
    NotANumber: 'NotANumber',
    NumberHasExtension: 'NumberHasExtension'
} as const;
export type RescheduleErrorCode = (typeof RescheduleErrorCode)[keyof typeof RescheduleErrorCode];

/** A message beside one field of the form; `params` fill the label's placeholders. */
export interface FieldIssue {
    readonly field: RescheduleField;
    readonly code: RescheduleErrorCode;
    readonly params: Readonly<Record<string, string>>;
}

/** The result of validating a draft: either a request to send, or the issues to show. */
export type RescheduleValidation =
    | {
          readonly ok: true;
          readonly request: RescheduleRequest;
          /** Non-blocking issues, e.g. outside calling hours under the Warn guard. */
          readonly warnings: readonly FieldIssue[];
          /** The instant in the contact's own zone, for the form to show. */
          readonly contactLocalTime: string | null;
          /** The contact's zone the calling hours were checked in (record, else number), if known (RS-6). */
          readonly contactTimeZone: string | null;
          /** A rule set's warning about the chosen instant; Save then needs the agent's confirmation (CP-3). */
          readonly compliance?: ComplianceNotice | null;
          /** The hours the rules allow for this contact, for the note beside the time field. */
          readonly callingWindow?: CallingWindow | null;
      }
    | {
          readonly ok: false;
          readonly errors: readonly FieldIssue[];
          readonly warnings: readonly FieldIssue[];
          /** The rule set refusing the chosen instant, beside the time field (CP-3). */
          readonly compliance?: ComplianceNotice | null;
          readonly callingWindow?: CallingWindow | null;
      };

/** The calling window that applies to the contact, narrowed over every rule set (the reschedule form's note). */
export interface CallingWindow {
    /** Minutes after midnight in the contact's time. */
    readonly startMinute: number;
    readonly endMinute: number;
    /** The labels of the rule sets whose windows apply ("US federal law", "Florida"). */
    readonly rules: readonly string[];
}

/** How the agent answered a compliance warning: going on anyway is logged with the attempt (CP-3). */
export interface ComplianceChoice {
    /** The agent confirmed the warned action; a blocking rule still refuses. */
    readonly confirmWarnings?: boolean;
}

// ---------------------------------------------------------------------------------------------
// The console state the service publishes (one immutable snapshot)
// ---------------------------------------------------------------------------------------------

/** The preview window's state (PV-1, PV-6). */
export interface PreviewState {
    readonly preview: Preview;
    /** The actions shown: the dialer's, narrowed by admin settings. */
    readonly actions: readonly PreviewAction[];
    /** The action sent and waiting for the dialer's confirmation. */
    readonly pending: PreviewAction | null;
    /** The last failure, kept until a retry succeeds. */
    readonly error: ConsoleError | null;
    /** The action that failed, so the window can offer it again. */
    readonly failedAction: PreviewAction | null;
    /** True while the reschedule form is open for this preview (PV-4). */
    readonly rescheduling: boolean;
}

/** Per call: which command is in flight, and the wrap-up once Ended (CL-4). */
export interface CallView {
    readonly call: Call;
    /** Command keys waiting for the dialer, e.g. "hold", "override". */
    readonly pending: readonly string[];
    /** Shown once the call ended and until the disposition is saved. */
    readonly wrapUp: {
        readonly saved: boolean;
        readonly error: ConsoleError | null;
        /** When the wrap-up time runs out (WU-1); null or absent when there is no limit. */
        readonly deadline?: Instant | null;
        /** The time ran out and the agent was set Unavailable; the form stays until saved (WU-1). */
        readonly timedOut?: boolean;
        /**
         * With a deadline: the id of the disposition saved when the time runs out (WU-1); absent, the agent goes
         * Unavailable instead. The card says which beside the countdown.
         */
        readonly atZero?: string;
    } | null;
    /** For a callback: the notes typed when it was booked (UB-7). */
    readonly callbackNotes?: string;
    /**
     * The last transfer of this call that failed or that a rule set held (CP-1, CP-3), shown in the call's transfer
     * form beside what the agent entered, not in the banner (UB-6); gone once a transfer goes through, or dismissed.
     */
    readonly transferError?: ConsoleError | null;
    /**
     * The last call-card command of this call that the dialer failed, shown in the card with a Retry that sends
     * `action` again, not in the banner (UB-6); gone once a command on the call goes through or the call ends.
     */
    readonly commandFailure?: { readonly action: CallAction; readonly error: ConsoleError } | null;
}

/** What the agent just did, confirmed by the dialer (UB-7); the console words it. */
export interface Confirmation {
    /** Grows with each confirmation, so the same words twice are announced twice. */
    readonly id: number;
    /**
     * A preview action, `WrapUp` for a call's saved disposition, `WrapUpAtZero` for the disposition saved when the
     * wrap-up time ran out (WU-1), a machine override or `Voicemail` on a call, or `Logout` (no contact: name and
     * number are empty).
     */
    readonly action: PreviewAction | 'WrapUp' | 'WrapUpAtZero' | MachineOverride | 'Voicemail' | 'Logout';
    readonly contactName: string;
    readonly number: string;
    /** For Reschedule: the callback's instant, the form's zone and the contact's zone (when known). */
    readonly at: Instant | null;
    readonly timeZone: string | null;
    readonly contactTimeZone: string | null;
    /** For WrapUpAtZero: the label of the disposition saved. */
    readonly disposition?: string;
}

/** A brief notice that an extra answer went to another agent (CL-3). */
export interface RoutedNotice {
    readonly callId: string;
    readonly contactName: string;
    readonly until: Instant;
}

/** The dialer sign-in the agent completes before the console can connect (CXone OAuth, in a popup). */
export interface SignInState {
    /** True while the dialer has no usable token: the console offers the sign-in button. */
    readonly required: boolean;
    /** True while the sign-in window is open. */
    readonly pending: boolean;
}

/** The agent's figures for this dialer session (WU-2), counted by the service from what it sees; no contact data. */
export interface Scoreboard {
    /** Calls that ended on the agent's lines, answered or not. */
    readonly callsHandled: number;
    /** Calls a person answered. */
    readonly liveConnects: number;
    /** Time spoken with contacts, in ms. */
    readonly talkMs: number;
    /** Wrap-ups finished, and their time from the call's end to the save, in ms. */
    readonly wrapUps: number;
    readonly wrapUpMs: number;
    /** Callbacks the agent booked (Reschedule, or a disposition that reschedules). */
    readonly callbacksBooked: number;
    /** Calls that ended at an answering machine. */
    readonly answeringMachines: number;
}

/** Live connects over calls handled, 0..1; 0 before the first call (WU-2). */
export function connectRate(board: Scoreboard): number {
    return board.callsHandled ? board.liveConnects / board.callsHandled : 0;
}

/** The average wrap-up in ms; 0 before the first (WU-2). */
export function averageWrapUpMs(board: Scoreboard): number {
    return board.wrapUps ? board.wrapUpMs / board.wrapUps : 0;
}

/** The whole console, as one immutable snapshot the components render. */
export interface ConsoleState {
    readonly now: Instant;
    readonly connection: ConnectionState;
    readonly agent: AgentState;
    readonly skills: readonly Skill[];
    readonly unavailableCodes: readonly UnavailableCode[];
    readonly dispositions: readonly Disposition[];
    readonly capabilities: DialerCapabilities;
    readonly settings: Settings;
    readonly settingsProblems: readonly SettingsProblem[];
    /** Pending agent commands, e.g. "login", "logout", "available". */
    readonly agentPending: readonly string[];
    readonly calls: readonly CallView[];
    readonly preview: PreviewState | null;
    readonly screenPop: ScreenPop | null;
    readonly routed: readonly RoutedNotice[];
    /** Every message of the session, newest first (AG-1). */
    readonly messages: readonly AgentMessage[];
    /** The callback message shown in the marquee for five seconds (RS-4). */
    readonly marquee: AgentMessage | null;
    /** The last action's confirmation, shown for a few seconds (UB-7). */
    readonly confirmation?: Confirmation | null;
    readonly errors: readonly ConsoleError[];
    /** Absent when the dialer needs no sign-in (the simulated dialer). */
    readonly signIn?: SignInState;
    /** The agent's session figures (WU-2); absent before the service counts. */
    readonly scoreboard?: Scoreboard;
}

// ---------------------------------------------------------------------------------------------
// Guards for untrusted data
// ---------------------------------------------------------------------------------------------

function enumGuard<T extends string>(values: Record<string, T>): (value: unknown) => value is T {
    const set = new Set<string>(Object.values(values));
    return (value: unknown): value is T => typeof value === 'string' && set.has(value);
}

export const isAgentStatus = enumGuard(AgentStatus);
export const isCallStatus = enumGuard(CallStatus);
export const isOutcome = enumGuard(Outcome);
export const isMachineOverride = enumGuard(MachineOverride);
export const isPreviewAction = enumGuard(PreviewAction);
export const isDestinationKind = enumGuard(DestinationKind);
export const isDestinationUnavailableReason = enumGuard(DestinationUnavailableReason);
export const isDeliverTo = enumGuard(DeliverTo);
export const isCallingHoursGuard = enumGuard(CallingHoursGuard);
export const isDialerAdapterKind = enumGuard(DialerAdapterKind);
export const isValueSourceKind = enumGuard(ValueSourceKind);
export const isContactTabMode = enumGuard(ContactTabMode);
export const isRuleMode = enumGuard(RuleMode);
export const isTransferTargetKind = enumGuard(TransferTargetKind);
export const isConnectionStatus = enumGuard(ConnectionStatus);
export const isWrapUpAtZero = enumGuard(WrapUpAtZero);
export const isPresenceMode = enumGuard(PresenceMode);
export const isPresenceDialerState = enumGuard(PresenceDialerState);
export const isPresenceDirection = enumGuard(PresenceDirection);

/** The full name of a calling record as agents see it. */
export function recordName(record: CallingRecord): string {
    return `${record.firstName} ${record.lastName}`.trim();
}

// ---------------------------------------------------------------------------------------------
// The service's public API, as components see it
// ---------------------------------------------------------------------------------------------

/** The result of a command: it either went through, or failed with an error already in state. */
export type CommandResult = { readonly ok: true } | { readonly ok: false; readonly error: ConsoleError };

/** The read side: the snapshot, each new one, and the service's clock; the console root reads it for its children. */
export interface ConsoleReader {
    getState(): ConsoleState;
    /** The service's clock now, so counters tick between snapshots (UB-4); absent where only snapshots tell time. */
    now?(): Instant;
    /** Calls the listener with each new snapshot (not the current one); returns the unsubscribe. */
    subscribe(listener: (state: ConsoleState) => void): Unsubscribe;
    /**
     * Attempts History's Callable for the screen pop's destinations at `now` (CP-4); the same object while the
     * answer holds, so a view asking every second re-renders only when it changes. Null without a history.
     */
    callability?(now: Instant): Callability | null;
}

/** The connection to the dialer (BX-5): start it, sign in where the dialer asks, let it go. */
export interface SessionCommands {
    /** Connects to the dialer and loads skills, codes and settings. */
    start(): Promise<CommandResult>;
    /** Releases the adapter and timers; state stays readable. */
    stop(): Promise<void>;
    /** Opens the dialer's sign-in (a popup, so call it from a click), then connects again; absent when none is needed. */
    signIn?(): Promise<CommandResult>;
}

/** The agent's state and skill, as the availability control changes them (AV-1 .. AV-4, AG-2, WU-5). */
export interface AgentCommands {
    loginToSkill(skillId: string): Promise<CommandResult>;
    logout(): Promise<CommandResult>;
    setAvailable(): Promise<CommandResult>;
    setUnavailable(codeId: string): Promise<CommandResult>;
    /** Sends again the Omni-Channel presence change that failed (WU-5); absent without Omni-Channel. */
    retryPresence?(): Promise<CommandResult>;
}

/** The agent's choice on the record the preview window offers (PV-1 .. PV-6, BX-7). */
export interface PreviewCommands {
    acceptPreview(): Promise<CommandResult>;
    requeuePreview(): Promise<CommandResult>;
    snoozePreview(): Promise<CommandResult>;
    /** Opens or closes the reschedule form for the current preview (PV-4). */
    setRescheduling(open: boolean): void;
    dispositionPreview(dispositionId: string, notes: string): Promise<CommandResult>;
    /** Sends again the preview action that failed (PV-6). */
    retryPreview(): Promise<CommandResult>;
}

/** The reschedule form's commands (PV-4, RS-1 .. RS-7): its first draft, its check, its send, and closing it. */
export interface RescheduleCommands extends Pick<PreviewCommands, 'setRescheduling'> {
    /** Default reschedule draft for the current preview: its number, the agent's zone, default deliver-to. */
    rescheduleDraftFor(agentTimeZone: string): RescheduleDraft | null;
    /** Checks a draft without sending anything (RS-2, RS-3, BX-3). */
    validateReschedule(draft: RescheduleDraft): RescheduleValidation;
    /** Validates, then sends; nothing is sent when the draft has errors. */
    reschedulePreview(draft: RescheduleDraft, choice?: ComplianceChoice): Promise<RescheduleValidation | CommandResult>;
}

/** The agent's commands on a line (CL-4, AM-1 .. AM-3, WU-1 .. WU-4), and dialing a number of their choice. */
export interface CallCommands {
    overrideMachine(callId: string, kind: MachineOverride): Promise<CommandResult>;
    hold(callId: string): Promise<CommandResult>;
    resume(callId: string): Promise<CommandResult>;
    mute(callId: string): Promise<CommandResult>;
    unmute(callId: string): Promise<CommandResult>;
    endCall(callId: string): Promise<CommandResult>;
    transfer(callId: string, target: TransferTarget): Promise<CommandResult>;
    /** Dials a number for the agent (click-to-dial, WU-4); the call then behaves as any other line. */
    dial?(request: AgentDialRequest): Promise<CommandResult>;
    /**
     * Dials as `dial` does, for a click-to-dial that shows the result where the agent clicked: its failures (command
     * `clickToDial`) stay out of the console's error banner (UB-6: one failure, one message).
     */
    clickToDial?(request: AgentDialRequest): Promise<CommandResult>;
    /** Leaves the skill's recorded message on an answering machine (AMD) and closes the line (WU-3). */
    dropVoicemail?(callId: string): Promise<CommandResult>;
    /** Saves the wrap-up of an Ended call; logs the attempt to Salesforce once (BX-1). */
    saveDisposition(callId: string, dispositionId: string, notes: string): Promise<CommandResult>;
    /**
     * The notes typed so far in a call's wrap-up, not saved: they go with the default disposition if the time runs
     * out (WU-1). Kept in this tab's service only; never sent to the dialer or to another tab until saved (BX-9).
     */
    draftNotes?(callId: string, notes: string): void;
}

/** The agent's messages: the callback marquee goes early when dismissed (RS-4). */
export interface MessageCommands {
    dismissMarquee(): void;
}

/** What the agent does about a failure shown (UB-6): dismiss it, or go on where a rule set only warned (CP-3). */
export interface ErrorCommands {
    dismissError(errorId: string): void;
    /**
     * Goes on with the action a compliance warning held (error code Compliance, verdict Warn): checked again, sent
     * once, and the override logged on the attempt's Task (CP-3). A blocking rule still refuses.
     */
    confirmCompliance?(errorId: string): Promise<CommandResult>;
}

/**
 * The whole service as the console's root holds it: read the snapshot, subscribe to new ones, send commands. Each
 * child is handed only the part above that it calls. Every command resolves (never rejects); a failure is a
 * ConsoleError in the result and in `state.errors`. A command already in flight is not sent again: the second call
 * resolves with code InFlight.
 */
export interface ConsoleApi
    extends
        ConsoleReader,
        SessionCommands,
        AgentCommands,
        PreviewCommands,
        RescheduleCommands,
        CallCommands,
        MessageCommands,
        ErrorCommands {}

/**
 * One slice of the console's state that a child follows by itself: the console keeps it current and the child
 * renders when it changes, so a change of that slice alone renders neither the console nor the child's siblings.
 */
export interface Feed<T> {
    /** The slice as of the last snapshot. */
    readonly value: T;
    /** Calls the listener with each new value of the slice; returns the unsubscribe. */
    subscribe(listener: (value: T) => void): Unsubscribe;
}
