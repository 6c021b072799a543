// @campaign-entry/sdk/lazy — load a chunk once, and load it again after a failure (offline) instead of failing forever.

export { lazy } from './core/lazy.js';
