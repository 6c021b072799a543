/** The SDK's version, written into every record's `meta.sdk`. Keep in step with package.json. */
export const SDK_VERSION = '0.1.0';
