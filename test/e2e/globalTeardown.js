/** After the end-to-end suites: stops the server globalSetup started. */
"use strict";

module.exports = async function globalTeardown() {
  const server = globalThis.__COMPALIGN_E2E_SERVER__;
  if (server) await server.close();
};
