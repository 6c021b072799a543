/** Node options that run a workspace `.ts` file from its sources (see source-node-options.mjs). */
export declare const SOURCE_NODE_OPTIONS: readonly string[];
