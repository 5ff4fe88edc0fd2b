// A tiny sequential check runner: each check is a named async step that may use what earlier steps found.
// Prints one "ok"/"not ok" line per check and the plain "N passed, N failed" line; exits 1 when any failed.
import { parseArgs } from 'node:util';

export function options(spec) {
  const { values } = parseArgs({ options: Object.fromEntries(Object.keys(spec).map((k) => [k, { type: 'string' }])) });
  for (const [name, envName] of Object.entries(spec)) {
    values[name] ??= process.env[envName];
    if (!values[name]) {
      console.error(`missing --${name} (or ${envName})`);
      process.exit(2);
    }
  }
  return values;
}

export async function run(title, checks) {
  console.log(`# ${title}`);
  let passed = 0;
  let failed = 0;
  for (const [name, step] of checks) {
    try {
      await step();
      passed++;
      console.log(`ok - ${name}`);
    } catch (error) {
      failed++;
      console.log(`not ok - ${name}`);
      console.log(describe(error).split('\n').map((line) => `  # ${line}`).join('\n'));
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

export function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

export function equal(actual, expected, what) {
  assert(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

// Runs a call that must fail and returns the error, so a check can look at its status and body.
export async function rejects(promise, what) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`${what}: expected the call to fail, but it succeeded`);
}

function describe(error) {
  const status = error?.status ?? error?.response?.status;
  const body = error?.response?.text ?? '';
  const issues = error?.issues ? `\nvalidation: ${JSON.stringify(error.issues, null, 1).slice(0, 3000)}` : '';
  return `${error?.message ?? error}${status ? ` (HTTP ${status})` : ''}${body ? `\nbody: ${body.slice(0, 1000)}` : ''}${issues}`;
}
