// Taro's build-time constants, which its webpack build defines and jest does not.
globalThis.ENABLE_INNER_HTML = true;
globalThis.ENABLE_ADJACENT_HTML = true;
globalThis.ENABLE_SIZE_APIS = false;
globalThis.ENABLE_TEMPLATE_CONTENT = true;
globalThis.ENABLE_CLONE_NODE = true;
globalThis.ENABLE_CONTAINS = true;
globalThis.ENABLE_MUTATION_OBSERVER = false;
globalThis.DEPRECATED_ADAPTER_COMPONENT = false;
process.env.TARO_ENV = process.env.TARO_ENV || 'h5';
process.env.TARO_PLATFORM = process.env.TARO_PLATFORM || 'web';
// the subscribe-message template ids the build reads from ZC_TEMPLATE_<KIND> (none in the browser build's tests)
globalThis.ZC_SUBSCRIBE_TEMPLATES = {};
