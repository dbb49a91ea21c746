/**
 * The wrap-up rules the service applies (WU-1): how long the agent may take, and which dispositions need notes.
 * Pure functions of the settings and what the dialer sent, so they are tested without a clock.
 */
import { WrapUpAtZero } from 'c/pcModel';
import type { Disposition, Settings, Skill } from 'c/pcModel';

/**
 * The wrap-up limit in ms for a skill, or null for none: the admin's per-skill limit, else the overall one (0 is
 * none); where the dialer supplies its own limit for the skill, the shorter of the two wins.
 */
export function wrapUpLimitMs(settings: Settings, skill: Skill | undefined): number | null {
    const perSkill = skill ? settings.wrapUpSkillLimits[skill.id] : undefined;
    const admin = perSkill ?? settings.wrapUpLimitSeconds;
    const dialer = skill?.wrapUpSeconds;
    const limits = [admin, dialer].filter((s): s is number => typeof s === 'number' && s > 0);
    return limits.length ? Math.min(...limits) * 1000 : null;
}

/** The dialer's dispositions with the admin's notes rule laid over them: either one can require notes. */
export function withNotesRule(dispositions: readonly Disposition[], settings: Settings): readonly Disposition[] {
    const required = settings.notesRequiredDispositions;
    if (!required.length) return dispositions;
    return dispositions.map((d) => {
        return !d.requiresNotes && required.includes(d.id) ? Object.freeze({ ...d, requiresNotes: true }) : d;
    });
}

/** A skill's wrap-up limit from the dialer, kept only when it is a sane whole number of seconds (untrusted). */
export function dialerWrapUpSeconds(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 24 * 3600 ? value : undefined;
}

/**
 * The disposition saved when the wrap-up time runs out, or null when the agent goes Unavailable instead: the admin
 * chose Unavailable, or the skill does not offer the default (WU-1).
 */
export function dispositionAtZero(settings: Settings, dispositions: readonly Disposition[]): Disposition | null {
    if (settings.wrapUpAtZero !== WrapUpAtZero.Disposition) return null;
    return dispositions.find((d) => d.id === settings.wrapUpDefaultDisposition) ?? null;
}

/** Notes cut to the admin's limit, counted in characters as the notes rule counts them (WU-1). */
export function notesWithin(notes: string, max: number): string {
    const chars = [...notes];
    return chars.length > max ? chars.slice(0, Math.max(0, max)).join('') : notes;
}
