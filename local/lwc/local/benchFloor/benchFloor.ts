/**
 * The platform floor for `npm run bench`: a bare LWC component showing one status text. The benchmark
 * times a change of its status exactly as it times a dialer event reaching the console, so the console's
 * cost can be read relative to what LWC itself costs for the same change on the same machine and load.
 * Local-only: it is never part of the deployable bundles.
 */
import { LightningElement, api } from 'lwc';

export default class BenchFloor extends LightningElement {
    /** The status text shown. */
    @api status = '';
}
