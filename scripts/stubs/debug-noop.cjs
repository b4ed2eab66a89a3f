// The browser build's stand-in for `debug`, which fhirclient logs through (8 kB, silent unless localStorage.debug
// is set): the same shape — debug(namespace) returns a logger with .extend — that logs nothing.
function createDebug() {
  const log = function () {};
  log.extend = createDebug;
  log.enabled = false;
  return log;
}
module.exports = createDebug;
module.exports.default = createDebug;
