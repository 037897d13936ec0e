// Preloaded into Electronegativity (scripts/electronegativity.mjs): it asks the network for translations and for
// Electron's release list through got 11, which on Node 24 throws from a timer when such a request times out or
// fails, crashing the run. Offline, each request is refused at once; Electronegativity reports no connectivity and
// checks the code as before.
import Module from 'node:module';

const refuse = () => Promise.reject(new Error('offline: the lint run makes no network requests'));
refuse.head = refuse;
refuse.get = refuse;
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'got' ? refuse : load.call(this, request, ...rest);
};
