/**
 * The render / flush / query / input helpers every component suite shares: they find elements through shadow
 * roots by role, accessible name or data-id, and act the way the agent does.
 */
import { createElement } from 'lwc';
import { flush as flushTime } from './time';
import type { FlushOptions } from './time';

type ElementCtor = Parameters<typeof createElement>[1]['is'];

/** Creates `tag`, sets its properties, attaches it to the document and waits for the first render. */
export async function render<T extends HTMLElement>(
    tag: string,
    ctor: ElementCtor,
    props: Record<string, unknown> = {}
): Promise<T> {
    const el = createElement(tag, { is: ctor }) as unknown as T;
    Object.assign(el, props);
    document.body.appendChild(el);
    await flush();
    return el;
}

/** What a re-render needs: a few microtasks and three zero-delay timers (LWC renders, then timers fire). */
const RENDER: FlushOptions = { turns: 1, timers: 3 };

/** Lets pending promises, re-renders and zero-delay timers run (the time module's flush, sized for the DOM). */
export function flush(): Promise<void> {
    return flushTime(RENDER);
}

/**
 * The page's clock under jest's fake intervals, for counters that tick on their own: `now` is the clock components
 * read; `advance` and `tick` move it and fire what fell due. Promises and zero-delay timers stay real, so `flush`
 * works. `install` in beforeEach, `uninstall` in afterEach.
 */
export class PageClock {
    private at: number;

    constructor(private readonly start: number) {
        this.at = start;
    }

    /** The time the page reads. */
    readonly now = (): number => this.at;

    /** Fakes the page's intervals and puts the clock back at its start. */
    install(): void {
        jest.useFakeTimers({ doNotFake: ['setTimeout', 'queueMicrotask', 'nextTick', 'setImmediate'] });
        this.at = this.start;
    }

    /** Gives the page its real timers back. */
    uninstall(): void {
        jest.useRealTimers();
    }

    /** Moves `ms` in one step, fires every timer due, and lets the page re-render. */
    async advance(ms: number): Promise<void> {
        this.at += ms;
        jest.advanceTimersByTime(ms);
        await flush();
    }

    /** Moves `ms` a second at a time, each second its own tick and re-render, as in the browser. */
    async tick(ms: number): Promise<void> {
        for (let i = 0; i < ms / 1000; i += 1) await this.advance(1000);
    }
}

/** Removes every rendered element; call in afterEach. */
export function cleanup(): void {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}

function roots(root: Element | ShadowRoot | Document): (Element | ShadowRoot | Document)[] {
    const out: (Element | ShadowRoot | Document)[] = [root];
    const host = root as Element;
    if (host.shadowRoot) out.push(...roots(host.shadowRoot));
    for (const child of Array.from(root.querySelectorAll('*'))) {
        if (child.shadowRoot) out.push(...roots(child.shadowRoot));
    }
    return out;
}

/** Every element matching `selector` in `root` and in every shadow root below it. */
export function queryAll<T extends Element = HTMLElement>(
    root: Element | ShadowRoot | Document,
    selector: string
): T[] {
    const seen = new Set<Element>();
    for (const r of roots(root)) for (const el of Array.from(r.querySelectorAll(selector))) seen.add(el);
    return [...seen] as T[];
}

/** The first element matching `selector` anywhere below `root`, or null. */
export function query<T extends Element = HTMLElement>(
    root: Element | ShadowRoot | Document,
    selector: string
): T | null {
    return (queryAll<T>(root, selector)[0] as T | undefined) ?? null;
}

/** The element with `data-id="<id>"` anywhere below root, or null. */
export function byDataId<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, id: string): T | null {
    return query<T>(root, `[data-id="${id}"]`);
}

/** The text a counter (c-pc-counter, UB-4) shows inside the element with this data-id, through its shadow root. */
export function counterText(root: Element | ShadowRoot | Document, id: string): string {
    const host = byDataId(root, id);
    const counter = host
        ? (query(host.shadowRoot ?? host, 'c-pc-counter') ?? host.querySelector('c-pc-counter'))
        : null;
    return counter?.shadowRoot?.textContent?.trim() ?? '';
}

/** A stubbed base component or native control as the accessibility tree would name it. */
export function accessibleName(el: Element): string {
    const props = el as unknown as Record<string, unknown>;
    for (const key of ['label', 'alternativeText']) {
        const v = props[key];
        if (typeof v === 'string' && v) return v;
    }
    const aria = el.getAttribute('aria-label');
    if (aria) return aria;
    const text = (el.textContent ?? '').trim();
    if (text) return text;
    return el.getAttribute('title') ?? '';
}

const BUTTONS = 'button, lightning-button, lightning-button-icon, lightning-button-stateful, [role="button"]';

/** Every button (native or lightning stub) below root. */
export function allButtons(root: Element | ShadowRoot): HTMLElement[] {
    return queryAll<HTMLElement>(root, BUTTONS);
}

/** The button whose accessible name (label, alternative text, aria-label or text) is `name`, or null. */
export function findButton(root: Element | ShadowRoot, name: string): HTMLElement | null {
    return allButtons(root).find((b) => accessibleName(b) === name) ?? null;
}

/** The native radio below root (through shadow roots) whose label reads `name`, or null. */
export function findRadio(root: Element | ShadowRoot, name: string): HTMLInputElement | null {
    const radios = queryAll<HTMLInputElement>(root, 'input[type="radio"]');
    return radios.find((r) => r.labels?.[0]?.textContent?.trim() === name) ?? null;
}

/** The names of every button below root, in document order. */
export function buttonNames(root: Element | ShadowRoot): string[] {
    return allButtons(root).map(accessibleName);
}

/** The visible text of root, including every shadow root below it, with whitespace collapsed. */
export function textOf(root: Element | ShadowRoot): string {
    const chunks: string[] = [];
    const walk = (node: Node): void => {
        if (node.nodeType === Node.TEXT_NODE) chunks.push(node.textContent ?? '');
        const el = node as Element;
        if (el.shadowRoot) walk(el.shadowRoot);
        for (const child of Array.from(node.childNodes)) walk(child);
    };
    walk(root);
    return chunks.join(' ').replace(/\s+/g, ' ').trim();
}

/** A field's accessible description: the text of the elements its aria-describedby names. */
export function accessibleDescription(field: Element): string {
    const root = field.getRootNode() as ShadowRoot;
    return (field.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => root.querySelector(`[id="${id}"]`)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
}

/** Clicks a button (stub or native) the way the agent does. */
export async function click(el: HTMLElement | null): Promise<void> {
    if (!el) throw new Error('nothing to click');
    el.click();
    await flush();
}

/** Fires a `change` (base components) with `detail.value`, and sets `value` like the real control. */
export async function change(el: HTMLElement | null, value: string, eventName = 'change'): Promise<void> {
    if (!el) throw new Error('no control to change');
    (el as unknown as { value: string }).value = value;
    el.dispatchEvent(new CustomEvent(eventName, { detail: { value }, bubbles: true, composed: true }));
    await flush();
}

/** Presses a key with modifiers on `target` (bubbling, like a real keydown). */
export async function press(target: EventTarget, key: string, init: KeyboardEventInit = {}): Promise<void> {
    target.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init })
    );
    await flush();
}
