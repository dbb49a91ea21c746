/**
 * Answers a test keeps back: the next call of a dialer command (a jest mock) or of a real method stays pending until
 * the test lets it go, so what the console shows while a command is in flight can be checked.
 */

/**
 * The next call of `mock` stays pending until the returned function is called; it then resolves with what `value`
 * gives at that moment (nothing by default).
 */
export function holdOnce(mock: jest.Mock, value: () => unknown = () => undefined): () => void {
    let answer: () => void = () => undefined;
    mock.mockImplementationOnce(() => new Promise<unknown>((resolve) => (answer = () => resolve(value()))));
    return () => answer();
}

/**
 * The next call of `target[method]` waits until the returned function is called, then answers as the real method
 * would. `every` holds every call until then, not only the next.
 */
export function holdNext<T extends object, K extends keyof T>(
    target: T,
    method: K,
    options: { readonly every?: boolean } = {}
): () => void {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = (target[method] as (...args: unknown[]) => unknown).bind(target);
    const spy = jest.spyOn(target as Record<K, (...args: unknown[]) => unknown>, method as never) as jest.SpyInstance;
    const held = async (...args: unknown[]): Promise<unknown> => {
        await gate;
        return real(...args);
    };
    if (options.every) spy.mockImplementation(held);
    else spy.mockImplementationOnce(held);
    return () => release();
}
