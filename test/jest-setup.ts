// Shared jest setup: accessibility matchers for every component suite.
import { setup } from '@sa11y/jest';

setup();
