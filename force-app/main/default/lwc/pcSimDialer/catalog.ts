/**
 * What the simulated dialer's tenant is configured with: skills, unavailable codes, dispositions
 * per skill and the capabilities it offers.
 */
import type { DialerCapabilities, Disposition, Outcome, Skill, UnavailableCode } from 'c/pcModel';

/** The simulated tenant's skills: three Personal Connection skills and one inbound skill. */
export const SIM_SKILLS: readonly Skill[] = Object.freeze([
    Object.freeze({ id: 'skill-collections', name: 'PC Collections', isPersonalConnection: true }),
    Object.freeze({ id: 'skill-renewals', name: 'PC Renewals', isPersonalConnection: true }),
    Object.freeze({ id: 'skill-winback', name: 'PC Win-back', isPersonalConnection: true }),
    Object.freeze({ id: 'skill-inbound', name: 'Inbound Support', isPersonalConnection: false })
]);

/** The Personal Connection skills, in the order records are spread over them. */
export const PC_SKILLS: readonly Skill[] = SIM_SKILLS.filter((s) => s.isPersonalConnection);

/** How the calling list is split over the PC skills (the first one gets most records). */
export const SKILL_SHARE: readonly number[] = [0.6, 0.25, 0.15];

export const SIM_UNAVAILABLE_CODES: readonly UnavailableCode[] = Object.freeze([
    Object.freeze({ id: 'code-break', label: 'Break' }),
    Object.freeze({ id: 'code-lunch', label: 'Lunch' }),
    Object.freeze({ id: 'code-meeting', label: 'Meeting' }),
    Object.freeze({ id: 'code-training', label: 'Training' })
]);

function disposition(id: string, label: string, outcome: Outcome, requiresNotes = false): Disposition {
    return Object.freeze({ id, label, outcome, requiresNotes });
}

const COMMON: readonly Disposition[] = [
    disposition('disp-refused', 'Refused', 'Refused'),
    disposition('disp-wrong-number', 'Wrong number', 'WrongNumber'),
    disposition('disp-dnc', 'Do not call', 'DoNotCall', true),
    disposition('disp-left-message', 'Left message', 'AnsweringMachine'),
    disposition('disp-call-back', 'Call back later', 'Rescheduled', true),
    disposition('disp-completed', 'Completed', 'Completed')
];

const BY_SKILL: Readonly<Record<string, readonly Disposition[]>> = {
    'skill-collections': [
        disposition('disp-promise-to-pay', 'Promise to pay', 'Sale', true),
        disposition('disp-paid', 'Paid in full', 'Sale'),
        ...COMMON
    ],
    'skill-renewals': [disposition('disp-renewed', 'Renewed', 'Sale'), ...COMMON],
    'skill-winback': [
        disposition('disp-won-back', 'Won back', 'Sale'),
        disposition('disp-not-interested', 'Not interested', 'Refused'),
        ...COMMON
    ],
    'skill-inbound': [
        disposition('disp-resolved', 'Resolved', 'Completed'),
        disposition('disp-escalated', 'Escalated', 'Completed', true)
    ]
};

/** The dispositions a skill offers, or null for an unknown skill. */
export function dispositionsFor(skillId: string): readonly Disposition[] | null {
    return Object.prototype.hasOwnProperty.call(BY_SKILL, skillId) ? BY_SKILL[skillId]! : null;
}

/** Everything the simulated dialer offers unless overridden. */
export const DEFAULT_CAPABILITIES: DialerCapabilities = Object.freeze({
    maxLines: 3,
    previewActions: Object.freeze(['Accept', 'Requeue', 'Reschedule', 'Snooze', 'Disposition'] as const),
    machineOverrides: Object.freeze(['AnsweringMachine', 'Fax', 'BadNumber'] as const),
    attemptsHistory: true,
    transferKinds: Object.freeze(['Skill', 'Agent', 'Number'] as const),
    mute: true,
    hold: true,
    rescheduleDeliverTo: Object.freeze(['Me', 'Skill'] as const),
    rescheduleTimeZone: true,
    voicemailDrop: true,
    agentDial: true
});

/** The recorded message each skill leaves on an answering machine (WU-3), as an admin would name it. */
export const VOICEMAIL_MESSAGES: Readonly<Record<string, string>> = Object.freeze({
    'skill-collections': 'Collections: please call us back about your account',
    'skill-renewals': 'Renewals: your plan is due for renewal',
    'skill-winback': 'Win-back: an offer for returning customers'
});
