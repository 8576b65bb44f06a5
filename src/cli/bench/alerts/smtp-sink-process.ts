import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface SmtpSink {
  url: string;
  stop(): Promise<void>;
}

/** Starts smtp-sink.js (built beside this file) and resolves once it listens. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const child = spawn(process.execPath, [join(__dirname, 'smtp-sink.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The SMTP sink exited (code ${code}) before it listened`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
