// fhirclient only falls back to this module when globalThis.crypto is missing; Node >= 20 and all
// supported browsers provide it, so the native Web Crypto object is returned.
module.exports = { default: globalThis.crypto };
