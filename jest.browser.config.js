/** @type {import('jest').Config} */
const base = require('./jest.config');

// The real-browser suite (npm run test:browser): the same transform, database and
// per-file app as `npm test`, one file at a time so Chromium and the app share the cores.
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
  maxWorkers: 1,
};
