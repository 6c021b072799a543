import type { DevServerConfig } from '@web/dev-server';

/** Options shared by web-test-runner.config.mjs and bench/: see dev-server-options.mjs. */
export declare const devServerOptions: Partial<DevServerConfig>;
