// What only a refused submit needs, in a chunk of its own, which the controller loads before it answers one: the
// English message for each problem and the error summary. A submit that goes through never downloads it.
export { errorSummary } from './error-summary.js';
export { enIssues } from './strings/en-issues.js';
