/**
 * Attempts History where the dialer supplies none (CXone today): built from the attempts this console logged to
 * Salesforce (BX-1 Tasks carry the number dialled, the time and the outcome) and from the number the dialer is
 * calling now. It is labelled as Salesforce's (`source`), and what the org cannot know stays unknown: no dialer
 * maximum (`maxAttempts: null`), no availability, no unavailable reason. Attempts of other consoles or tools that
 * did not log through this console are not in it.
 */
import { AttemptsHistorySource, DestinationKind } from 'c/pcModel';
import type { Attempt, AttemptsHistory, Destination, Instant, Interaction, Outcome } from 'c/pcModel';

interface Logged {
    readonly number: string;
    readonly at: Instant;
    readonly outcome: Outcome;
}

/** The record's Attempts History from its Contact's logged attempts, one destination per number, oldest first. */
export function attemptsFromSalesforce(
    recordId: string,
    dialling: string | null,
    history: readonly Interaction[]
): AttemptsHistory {
    const logged: Logged[] = [];
    for (const item of history) {
        if (item.attempt) logged.push({ number: item.attempt.number, at: item.at, outcome: item.attempt.outcome });
    }
    logged.sort((a, b) => a.at - b.at);
    const order: string[] = [];
    for (const entry of logged) if (!order.includes(entry.number)) order.push(entry.number);
    if (dialling && !order.includes(dialling)) order.push(dialling);
    const attempts: Attempt[] = [];
    const destinations: Destination[] = order.map((number, index): Destination => {
        const mine = logged.filter((entry) => entry.number === number);
        const id = `salesforce-${index + 1}`;
        mine.forEach((entry, n) =>
            attempts.push({
                number: n + 1,
                destinationId: id,
                destinationDescription: DestinationKind.Phone,
                at: entry.at,
                outcome: entry.outcome
            })
        );
        const last = mine[mine.length - 1];
        return {
            id,
            kind: DestinationKind.Phone,
            // The Task keeps the number, not which Contact field or list column it came from.
            description: DestinationKind.Phone,
            value: number,
            attempts: mine.length,
            maxAttempts: null,
            availableAt: null,
            lastPresentation: last ? last.at : null,
            lastOutcome: last ? last.outcome : null,
            unavailableReason: null,
            cadenceOrder: index + 1
        };
    });
    attempts.sort((a, b) => a.at - b.at);
    return { recordId, destinations, attempts, source: AttemptsHistorySource.Salesforce };
}
