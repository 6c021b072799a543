// Preloaded by every Node command here (`node --import ./scripts/quiet-aws-sdk.mjs …`). The AWS SDK warns on Node < 22
// with a plain `Warning` (its text starts "NodeVersionSupportWarning", but that is neither its type nor its code, so
// `--disable-warning` cannot match it); the SDK's documented switch is this environment variable.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
