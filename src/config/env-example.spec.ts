import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Env } from './env';

describe('.env.example', () => {
  it('documents every variable the app reads, and no other', () => {
    const text = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');
    const documented = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect([...documented].sort()).toEqual(Object.keys(new Env()).sort());
  });
});
