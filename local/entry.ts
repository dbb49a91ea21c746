// Synthetic shadow must patch the DOM before the LWC engine loads, as in Lightning Experience, so the global
// SLDS stylesheet reaches our components' templates.
import '@lwc/synthetic-shadow';
import './main';
