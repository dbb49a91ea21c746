// The console in its CXone mode: the real CXone adapter, built by the org's composition root, against the project's
// CXone fake started beside it on 127.0.0.1. The sign-in window's page has no opener (BX-11).
import assert from 'node:assert/strict';
import { HOSTILE } from '../../local/cxoneHostile.mjs';
import { STATUS, callsRegion, chooseSkill, nextFrames, previewWindow, waitUntil } from './steps.mjs';
import { logOut, openCxone, openSecondTab, signIn, workingInCxone } from './cxoneSteps.mjs';
import { testAtBothSizes, testAtSize } from './suite.mjs';

testAtBothSizes(
    'BX-11 LC-3 CXone mode: signs in through the popup whose page has no window.opener, then works a skill',
    async (ctx) => {
        const cxone = await openCxone(ctx);
        try {
            const con = ctx.console();
            await con.getByRole('button', { name: 'Sign in to CXone' }).waitFor();
            await ctx.axe('sign-in needed');
            await signIn(ctx, cxone.fake);
            assert.equal(cxone.fake.metrics.tokensIssued, 1, 'one code exchanged for one token');
            await ctx.axe('signed in');
            await chooseSkill(ctx);
            await waitUntil(ctx.page, async () => (await con.innerText()).includes('PC Collections'), {
                what: 'the chosen skill shown'
            });
            assert.deepEqual(ctx.pageErrors, []);
        } finally {
            await cxone.stop();
        }
    }
);

testAtBothSizes(
    'PV-1 PV-2 CL-1 AM-2 CXone mode: the seed walkthrough: a skill, a preview accepted, an AMD the agent overrides as Bad Number, the next record, Logout',
    (ctx) =>
        workingInCxone(
            ctx,
            async (cxone) => {
                const preview = previewWindow(ctx);
                await preview.waitFor({ timeout: 20_000 });
                const name = (await preview.getByRole('paragraph').first().innerText()).trim();
                assert.ok(name.length > 0, 'the preview shows the contact name');
                await ctx.axe('CXone preview');
                await preview.getByRole('button', { name: 'Accept' }).click();
                await ctx.expectGone(preview);
                const card = callsRegion(ctx).getByRole('article', { name });
                await ctx.expectText(card, name);
                await waitUntil(ctx.page, async () => (await card.innerText()).match(STATUS)?.[1] === 'AMD', {
                    timeoutMs: 30_000,
                    what: 'the call in AMD'
                });
                await ctx.axe('CXone call in AMD');
                const [contactId] = cxone.fake.liveContactIds();
                // The fake would end it as AnsweringMachine by itself: Bad Number proves the agent's override reached CXone.
                await card.getByRole('button', { name: 'Bad Number' }).click();
                await ctx.expectGone(card);
                await waitUntil(ctx.page, () => cxone.fake.recordedOutcome(contactId) !== null, {
                    what: 'the call ended in CXone'
                });
                assert.equal(
                    cxone.fake.recordedOutcome(contactId),
                    'BadNumber',
                    'AM-2 the override is what CXone recorded'
                );
                await preview.waitFor({ timeout: 20_000 });
                const next = (await preview.getByRole('paragraph').first().innerText()).trim();
                assert.notEqual(next, name, 'the next record is delivered');
                // The end of the shift: Logout from the skill panel; nothing stays on screen.
                const con = ctx.console();
                await logOut(con);
                await con.getByRole('button', { name: 'Logged out' }).waitFor();
                await ctx.expectGone(preview);
                await ctx.axe('CXone logged out');
            },
            async (cxone) => {
                await cxone.fake.setLines(1);
                await cxone.fake.setPreviewMode(true);
                // The next dial's outcome, set through the Dialer simulator panel as an agent trying the console would.
                const panel = ctx.page.getByRole('region', { name: 'Dialer simulator' });
                await panel
                    .getByRole('combobox', { name: 'Outcome of the next dial' })
                    .selectOption('AnsweringMachine');
                await panel.getByRole('button', { name: 'Set outcome' }).click();
                await ctx.expectText(panel.getByRole('status'), 'Queued the outcome AnsweringMachine');
            }
        )
);

// What the adapter makes of a hostile payload does not depend on the panel's size: the payloads take turns at the
// two sizes, so the family covers both (UB-1) and each payload is sent once.
for (const [index, [name, send]] of HOSTILE.entries()) {
    testAtSize(
        index % 2 ? 'wide' : 'narrow',
        `BX-5 CXone mode: ${name} leaves the console working, renders nothing as HTML, 0 page errors`,
        (ctx) => {
            const dialogs = [];
            ctx.page.on('dialog', (d) => {
                dialogs.push(d.message());
                void d.dismiss();
            });
            return workingInCxone(ctx, async (cxone) => {
                await send(cxone.fake);
                // The adapter took the payload (settle), and the console drew what it made of it.
                await cxone.fake.settle();
                await nextFrames(ctx.page);
                const con = ctx.console();
                // Still working: the agent's availability control answers, and the console is connected.
                await con
                    .getByRole('button', { name: /Working|Unavailable|Logged out/ })
                    .first()
                    .waitFor();
                assert.equal(await ctx.page.locator('img[src="x"]').count(), 0, 'no markup from the dialer rendered');
                // Markup in a name is read as text, its tags left out (the panel test below sees the name shown; here
                // the fake's own calls may hold the line): no tag is shown as text either.
                assert.equal(await con.getByText(/onerror/).count(), 0, 'no tag shown as text');
                await ctx.axe(`after ${name}`);
                assert.deepEqual(dialogs, [], 'no script from the dialer ran');
            });
        }
    );
}

testAtBothSizes(
    'BX-5 CXone mode: the Dialer simulator panel injects a hostile contact name, which shows as text with its tags left out',
    (ctx) => {
        const dialogs = [];
        ctx.page.on('dialog', (d) => {
            dialogs.push(d.message());
            void d.dismiss();
        });
        return workingInCxone(
            ctx,
            async () => {
                const panel = ctx.page.getByRole('region', { name: 'Dialer simulator' });
                const menu = panel.getByRole('combobox', { name: 'Hostile payload' });
                await menu.selectOption('a contact name <img src=x onerror=alert(1)>');
                await panel.getByRole('button', { name: 'Send hostile payload' }).click();
                await ctx.expectText(panel.getByRole('status'), /Queued/);
                await ctx.expectText(callsRegion(ctx).getByRole('article', { name: 'Lee' }), 'Lee');
                assert.equal(await ctx.page.locator('img[src="x"]').count(), 0, 'no markup from the dialer rendered');
                assert.equal(await ctx.console().getByText('onerror').count(), 0, 'the tag is left out, not shown');
                // A raw event that is not JSON is refused beside its field, and what was typed stays.
                const raw = panel.getByRole('textbox', { name: 'Raw dialer event (JSON)' });
                await raw.fill('{"Type": ');
                await panel.getByRole('button', { name: 'Send event' }).click();
                assert.equal(await raw.getAttribute('aria-invalid'), 'true');
                await ctx.expectText(panel, /Not JSON/);
                assert.equal(await raw.inputValue(), '{"Type": ');
                await ctx.axe('CXone panel with a field error');
                assert.deepEqual(dialogs, [], 'no script from the dialer ran');
            },
            // The dialer clock paused: the fake places no call of its own, so the injected contact is the one call
            // on the line (with the fake's own call first, a one-line console rightly refuses the injected one).
            (cxone) => cxone.setSpeed(0)
        );
    }
);

// The connection's states do not depend on the width: in the utility-bar panel.
testAtSize(
    'narrow',
    'BX-2 CXone mode: the network dropped and restored shows Reconnecting, then Connected again',
    (ctx) =>
        workingInCxone(ctx, async (cxone) => {
            const restarted = cxone.fake.restart(4000);
            await ctx.expectText(ctx.console(), /Reconnecting/);
            await ctx.axe('reconnecting');
            await restarted;
            await ctx.expectGone(ctx.console().getByText(/Reconnecting/));
            await ctx
                .console()
                .getByRole('button', { name: /Working|Logged out/ })
                .first()
                .waitFor();
        })
);

/** Reloads the page and waits for the console to be ready again. */
async function reload(ctx) {
    await ctx.page.reload({ waitUntil: 'load' });
    await ctx.page.waitForFunction(() => window.__pcLocal?.ready === true);
}

testAtBothSizes(
    'BX-2 CXone mode: a page refresh while working signs in again and rebuilds the state from CXone',
    (ctx) =>
        workingInCxone(ctx, async (cxone) => {
            await reload(ctx);
            // Tokens live in memory only: the refreshed page asks for a sign-in, then rebuilds what CXone holds.
            await signIn(ctx, cxone.fake);
            await ctx.console().getByRole('button', { name: 'Working' }).waitFor();
        })
);

testAtBothSizes(
    'BX-2 CXone mode: a join that replays nothing shows Resynchronising until the agent state arrives',
    (ctx) =>
        workingInCxone(ctx, async (cxone) => {
            // CXone answers a join with nothing of the past: the refreshed console cannot know the agent's state yet.
            cxone.fake.behaviour.replayOnJoin = false;
            await reload(ctx);
            await signIn(ctx, cxone.fake);
            assert.ok(
                cxone.fake.sessionRequests.some((r) => r.kind === 'join'),
                'the refreshed console joined the session'
            );
            await ctx.expectText(ctx.console(), /Resynchronising/);
            await ctx.axe('resynchronising');
            cxone.fake.pushRaw({
                Type: 'AgentState',
                CurrentState: 'Available',
                StartTimeUTC: new Date().toISOString()
            });
            await ctx.expectGone(ctx.console().getByText(/Resynchronising/));
        })
);

testAtBothSizes('BX-2 CXone mode: a second tab mirrors the leading tab; closing the leading tab hands over', (ctx) =>
    workingInCxone(ctx, async (cxone) => {
        const second = await openSecondTab(ctx);
        const mirror = second.console();
        await mirror.getByRole('button', { name: 'Working' }).waitFor();
        await ctx.page.close();
        // The second tab leads now: it holds no token of its own, so it asks the agent to sign in, and carries on.
        await mirror.getByRole('button', { name: 'Sign in to CXone' }).waitFor();
        await signIn(ctx, cxone.fake, second.page);
        // The dialer session carried on under the new leading tab: the agent is still working the skill.
        await mirror.getByRole('button', { name: 'Working' }).waitFor();
        assert.deepEqual(second.errors, []);
    })
);
