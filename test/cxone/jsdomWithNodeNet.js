// A jsdom test environment (the LWC jest preset needs the DOM) that exposes Node's own fetch,
// AbortController and text codecs, so adapter tests talk real HTTP to a local fake server.
const JsdomEnvironment = require('jest-environment-jsdom').default;

class JsdomWithNodeNet extends JsdomEnvironment {
    async setup() {
        await super.setup();
        const g = this.global;
        g.fetch = fetch;
        g.Response = Response;
        g.Headers = Headers;
        g.AbortController = AbortController;
        g.AbortSignal = AbortSignal;
        g.TextEncoder = TextEncoder;
        g.TextDecoder = TextDecoder;
        g.setImmediate = setImmediate;
        g.clearImmediate = clearImmediate;
    }
}

module.exports = JsdomWithNodeNet;
