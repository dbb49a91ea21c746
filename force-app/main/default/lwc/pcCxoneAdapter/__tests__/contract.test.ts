/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// The shared adapter contract, run against the CXone adapter on the local fake CXone server.
import { describeDialerAdapterContract } from '../../../../../../test/contract/dialerAdapterContract';
import { cxoneContractHarness } from '../../../../../../test/cxone/cxoneHarness';

// Real HTTP on a shared 2-core machine: a generous bound, never a speed assertion.
jest.setTimeout(60_000);

describeDialerAdapterContract('CXone Agent API adapter on the fake server', () => cxoneContractHarness());

/** The fake as the notes describe CXone where the adapter once assumed otherwise. */
const AS_NOTES = { requireStation: true, replayOnJoin: false, outboundStrategy: false };

describeDialerAdapterContract('CXone Agent API adapter, fake as the notes describe', () =>
    cxoneContractHarness(AS_NOTES, { station: '+13125550100' })
);
