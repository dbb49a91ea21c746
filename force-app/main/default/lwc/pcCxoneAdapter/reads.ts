/** Reads of the CXone adapter: skills and their preview and override options, codes, dispositions, messages. */
import { MessageKind } from 'c/pcModel';
import type { Disposition, Skill, UnavailableCode } from 'c/pcModel';
import { DialerError } from 'c/pcDialerPort';
import {
    parseCpaOverrides,
    parseDeliveryPreferences,
    parseDispositions,
    parseMessages,
    parseSkills,
    parseUnavailableCodes
} from './protocol';
import { CxoneCore, V, asDialerError } from './core';

/** The CXone adapter's reads layer. */
export abstract class CxoneReads extends CxoneCore {
    protected async listSkillsLocal(): Promise<readonly Skill[]> {
        const body = await this.get(`${V}/agents/${encodeURIComponent(this.requireAgentId())}/skills`, 'skills');
        const parsed = parseSkills(body);
        if (!parsed.ok) throw new DialerError('Protocol', parsed.reason);
        this.skills = parsed.value;
        return parsed.value;
    }

    /** Reads each Personal Connection skill's preview buttons and override options. */
    protected async loadSkillOptions(): Promise<void> {
        if (!this.agentId) return;
        try {
            await this.listSkillsLocal();
        } catch (e) {
            this.emit('error', asDialerError(e, 'skills could not be read'));
            return;
        }
        // One skill after another: a handful of small reads, kept gentle on the API's rate limits.
        /* eslint-disable no-await-in-loop */
        for (const skill of this.skills.filter((s) => s.isPersonalConnection)) {
            const id = encodeURIComponent(skill.id);
            try {
                const prefs = await this.get(
                    `v34.0/skills/${id}/parameters/delivery-preferences`,
                    'delivery preferences'
                );
                this.previewActions.set(skill.id, parseDeliveryPreferences(prefs));
            } catch (e) {
                this.emit('error', asDialerError(e, 'delivery preferences could not be read'));
            }
            try {
                const cpa = await this.get(`${V}/skills/${id}/parameters/cpa-management`, 'cpa management');
                this.overrideOptions.set(skill.id, parseCpaOverrides(cpa));
            } catch (e) {
                this.emit('error', asDialerError(e, 'CPA settings could not be read'));
            }
        }
        /* eslint-enable no-await-in-loop */
        this.caps = this.computeCapabilities();
    }

    protected async listCodesLocal(): Promise<readonly UnavailableCode[]> {
        // Only the endpoint the notes list; the team comes from the settings or the session start event.
        if (!this.teamId) throw new DialerError('Unsupported', "the agent's CXone team is not known; ask the admin");
        const body = await this.get(`${V}/teams/${encodeURIComponent(this.teamId)}/unavailable-codes`, 'codes');
        const parsed = parseUnavailableCodes(body);
        if (!parsed.ok) throw new DialerError('Protocol', parsed.reason);
        this.codes = parsed.value;
        return parsed.value;
    }

    protected async listDispositionsLocal(skillId: string): Promise<readonly Disposition[]> {
        // v12 on purpose: agents without the Skills view permission can still read dispositions.
        const body = await this.get(`v12.0/skills/${encodeURIComponent(skillId)}/dispositions`, 'dispositions');
        const parsed = parseDispositions(body);
        if (!parsed.ok) throw new DialerError('Protocol', parsed.reason);
        return parsed.value;
    }

    protected async refreshSkills(): Promise<void> {
        try {
            const skills = await this.listSkillsLocal();
            this.emit('skills', skills);
        } catch (e) {
            this.emit('error', asDialerError(e, 'skills refresh failed'));
        }
    }

    protected async refreshMessages(): Promise<void> {
        if (!this.agentId) return;
        try {
            const result = await this.get(`${V}/agents/${encodeURIComponent(this.agentId)}/messages`, 'messages');
            const parsed = parseMessages(result);
            if (!parsed.ok) {
                this.protocolError(parsed.reason);
                return;
            }
            for (const m of parsed.value) {
                if (this.seenMessages.has(m.id)) continue;
                this.seenMessages.add(m.id);
                this.emit('agentMessage', {
                    id: m.id,
                    kind: MessageKind.Info,
                    at: m.at ?? this.clock.now(),
                    text: m.text,
                    number: null
                });
            }
        } catch (e) {
            this.emit('error', asDialerError(e, 'messages refresh failed'));
        }
    }

    protected codeFor(reason: string): UnavailableCode {
        return this.codes.find((c) => c.label === reason || c.id === reason) ?? { id: reason, label: reason };
    }
}
