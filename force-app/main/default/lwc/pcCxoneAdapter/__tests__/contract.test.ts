/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// The shared adapter contract, run against the CXone adapter on the local fake CXone server.
import { describeDialerAdapterContract } from '../../../../../../test/contract/dialerAdapterContract';
import { cxoneContractHarness } from '../../../../../../test/cxone/cxoneHarness';

describeDialerAdapterContract('CXone Agent API adapter on the fake server', cxoneContractHarness);
