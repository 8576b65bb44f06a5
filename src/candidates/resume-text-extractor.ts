import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PDF_TYPE } from './resume-file';
import type { ResumeTextStatus, ResumeType } from './resume.entity';

export interface ExtractedText {
  text: string | null;
  status: ResumeTextStatus;
}

/** Enough for any resume; the rest of a huge document adds nothing to search. */
const MAX_TEXT_LENGTH = 100_000;
const MAX_PDF_PAGES = 50;
/** Includes loading PDF.js the first time, which takes a few seconds on a busy machine. */
const EXTRACTION_TIMEOUT_MS = 20_000;

/*
 * The worker's code, run with `eval`: plain Node.js, so it loads PDF.js (an
 * ES module) and mammoth the same way under the app and under the tests.
 * It answers {id, text} or {id, error} for each {id, type, bytes}.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const mammoth = require(workerData.mammoth);
let pdfjs;
async function pdfText(bytes) {
  pdfjs ??= await import(workerData.pdfjs);
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages = [];
    for (let n = 1; n <= Math.min(doc.numPages, workerData.maxPages); n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => (item.str ?? '') + (item.hasEOL ? '\\n' : ' ')).join(''));
    }
    return pages.join('\\n');
  } finally {
    await doc.destroy();
  }
}
parentPort.on('message', async ({ id, type, bytes }) => {
  try {
    const text = type === workerData.pdfType ? await pdfText(bytes) : (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    parentPort.postMessage({ id, text });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
`;

interface Pending {
  resolve: (result: ExtractedText) => void;
  timer: NodeJS.Timeout;
}

/** Words separated by single spaces, paragraphs by one newline, at most MAX_TEXT_LENGTH characters. */
export function normalizeResumeText(raw: string): string {
  return raw
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim()
    .slice(0, MAX_TEXT_LENGTH);
}

/**
 * Reads the text of PDF and DOCX resumes for employers' candidate search,
 * in a worker thread with its own memory cap and a time limit: a hostile or
 * broken file can only end that worker (started again for the next file),
 * never the app, and a failure is reported as `failed`, not thrown, so it
 * never blocks an upload. One worker serves every upload, so PDF.js loads once.
 */
@Injectable()
export class ResumeTextExtractor implements OnModuleDestroy {
  private readonly logger = new Logger(ResumeTextExtractor.name);
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  extract(type: ResumeType, bytes: Buffer): Promise<ExtractedText> {
    const worker = this.running();
    const id = ++this.nextId;
    return new Promise<ExtractedText>((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn({ type }, 'resume text extraction timed out; its worker is stopped');
        this.stop(worker);
      }, EXTRACTION_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
      worker.postMessage({ id, type, bytes: new Uint8Array(bytes) });
    });
  }

  onModuleDestroy(): Promise<number> | undefined {
    const worker = this.worker;
    if (!worker) return undefined;
    this.failAll();
    this.worker = undefined;
    return worker.terminate();
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        mammoth: require.resolve('mammoth'),
        pdfjs: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
        pdfType: PDF_TYPE,
        maxPages: MAX_PDF_PAGES,
      },
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    // PDF.js may print warnings: they are not our log lines, so they are read and dropped.
    worker.stdout.resume();
    worker.stderr.resume();
    // An idle worker must not keep a command-line task alive.
    worker.unref();
    worker.on('message', ({ id, text, error }: { id: number; text?: string; error?: string }) => {
      if (error !== undefined) this.logger.warn({ error }, 'resume text could not be extracted');
      const normalized = typeof text === 'string' ? normalizeResumeText(text) : null;
      this.settle(
        id,
        normalized === null ? { text: null, status: 'failed' } : normalized ? { text: normalized, status: 'extracted' } : { text: null, status: 'empty' },
      );
    });
    worker.on('error', (error) => {
      this.logger.warn({ err: error }, 'resume text worker failed');
      this.stop(worker);
    });
    worker.on('exit', () => this.stop(worker));
    this.worker = worker;
    return worker;
  }

  private settle(id: number, result: ExtractedText): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(id);
    pending.resolve(result);
  }

  /** Ends `worker` (if it is still the current one) and fails what it had in hand; the next extraction starts a new one. */
  private stop(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll();
    void worker.terminate();
  }

  private failAll(): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { text: null, status: 'failed' });
  }
}
