#!/usr/bin/env node
// Runs the compiled CLI; `npm ci` builds dist/ through the `prepare` script.
require('../dist/cli.js')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
