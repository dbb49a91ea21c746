/** The stepped clock's former home, kept for the CXone adapter's suites that import it from here. */
export { SteppedClock } from '../support/clocks';
