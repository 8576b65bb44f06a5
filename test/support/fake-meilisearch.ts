/**
 * A stand-in for a Meilisearch server in the search sync tests only: the
 * part of the REST API the index code uses (indexes, settings, documents,
 * tasks, index swaps), in memory on a loopback port. Tasks succeed or fail
 * the moment they are enqueued; there is no search. The search contract
 * suite runs the engine against a real Meilisearch when MEILI_URL is set.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

type Document = Record<string, unknown> & { id: string };

interface FakeIndex {
  primaryKey: string;
  settings: Record<string, unknown>;
  documents: Map<string, Document>;
  createdAt: string;
}

interface Task {
  uid: number;
  indexUid: string | null;
  type: string;
  status: 'succeeded' | 'failed';
  error: { message: string; code: string; type: string; link: string } | null;
  enqueuedAt: string;
  startedAt: string;
  finishedAt: string;
  duration: string;
  batchUid: number;
  canceledBy: null;
  details: Record<string, unknown>;
}

export interface FakeRequest {
  method: string;
  path: string;
  body: unknown;
}

class TaskError extends Error {
  constructor(readonly code: string) {
    super(code.replace(/_/g, ' '));
  }
}

export class FakeMeilisearch {
  readonly indexes = new Map<string, FakeIndex>();
  /** Every request answered (failed ones included), in order. */
  readonly requests: FakeRequest[] = [];
  /** Called before each request is handled, e.g. to look at the indexes mid-rebuild. */
  onRequest?: (request: FakeRequest) => void;
  private readonly tasks: Task[] = [];
  private failures = 0;
  private server?: Server;

  constructor(private readonly apiKey?: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) =>
      this.handle(req, res).catch((e: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(e), code: 'internal', type: 'internal', link: '' }));
      }),
    );
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` requests answer 503, as a server that is down or restarting would. */
  failNext(count: number): void {
    this.failures = count;
  }

  /** Failures asked for by `failNext` that no request has met yet. */
  get failuresLeft(): number {
    return this.failures;
  }

  documents(uid: string): Map<string, Document> {
    return this.indexes.get(uid)?.documents ?? new Map();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const request: FakeRequest = { method: req.method!, path: url.pathname, body: text ? JSON.parse(text) : undefined };
    this.requests.push(request);
    this.onRequest?.(request);

    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: string, message: string) =>
      reply(status, { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` });

    if (this.failures > 0) {
      this.failures--;
      return error(503, 'internal', 'The server is unavailable.');
    }
    if (this.apiKey && req.headers.authorization !== `Bearer ${this.apiKey}`) return error(401, 'invalid_api_key', 'The provided API key is invalid.');

    const parts = url.pathname.split('/').filter(Boolean);
    const body = request.body as never;
    const route = `${req.method} /${parts.map((p, i) => (parts[i - 1] === 'indexes' || parts[i - 1] === 'tasks' ? ':id' : p)).join('/')}`;
    const uid = parts[1];

    switch (route) {
      case 'GET /tasks/:id': {
        const task = this.tasks.find((t) => t.uid === Number(parts[1]));
        return task ? reply(200, task) : error(404, 'task_not_found', `Task \`${parts[1]}\` not found.`);
      }
      case 'GET /indexes/:id': {
        const index = this.indexes.get(uid);
        if (!index) return error(404, 'index_not_found', `Index \`${uid}\` not found.`);
        return reply(200, { uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: index.createdAt });
      }
      case 'GET /indexes/:id/documents': {
        const index = this.indexes.get(uid);
        if (!index) return error(404, 'index_not_found', `Index \`${uid}\` not found.`);
        const ids = url.searchParams.get('ids')?.split(',');
        const fields = url.searchParams.get('fields')?.split(',');
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const all = [...index.documents.values()].filter((doc) => !ids || ids.includes(doc.id));
        const results = all.slice(0, limit).map((doc) => (fields ? Object.fromEntries(fields.filter((f) => f in doc).map((f) => [f, doc[f]])) : doc));
        return reply(200, { results, offset: 0, limit, total: all.length });
      }
      case 'POST /indexes':
        return this.enqueue(reply, body['uid'], 'indexCreation', () => {
          if (this.indexes.has(body['uid'])) throw new TaskError('index_already_exists');
          this.create(body['uid'], body['primaryKey']);
        });
      case 'DELETE /indexes/:id':
        return this.enqueue(reply, uid, 'indexDeletion', () => {
          if (!this.indexes.delete(uid)) throw new TaskError('index_not_found');
        });
      case 'PATCH /indexes/:id/settings':
        return this.enqueue(reply, uid, 'settingsUpdate', () => Object.assign(this.create(uid).settings, body));
      case 'POST /indexes/:id/documents':
        return this.enqueue(reply, uid, 'documentAdditionOrUpdate', () => {
          const index = this.create(uid, url.searchParams.get('primaryKey') ?? 'id');
          for (const doc of body as Document[]) index.documents.set(doc.id, doc);
        });
      case 'POST /indexes/:id/documents/delete-batch':
        return this.enqueue(reply, uid, 'documentDeletion', () => {
          const index = this.indexes.get(uid);
          if (!index) throw new TaskError('index_not_found');
          for (const id of body as string[]) index.documents.delete(id);
        });
      case 'POST /swap-indexes':
        return this.enqueue(reply, null, 'indexSwap', () => {
          for (const {
            indexes: [a, b],
            rename,
          } of body as { indexes: [string, string]; rename: boolean }[]) {
            const first = this.indexes.get(a);
            const second = this.indexes.get(b);
            if (!first) throw new TaskError('index_not_found');
            if (rename) {
              if (second) throw new TaskError('index_already_exists');
              this.indexes.delete(a);
              this.indexes.set(b, first);
            } else {
              if (!second) throw new TaskError('index_not_found');
              this.indexes.set(a, second);
              this.indexes.set(b, first);
            }
          }
        });
      default:
        return error(404, 'not_found', `The fake does not implement ${route}.`);
    }
  }

  private create(uid: string, primaryKey = 'id'): FakeIndex {
    let index = this.indexes.get(uid);
    if (!index) {
      index = { primaryKey, settings: {}, documents: new Map(), createdAt: new Date().toISOString() };
      this.indexes.set(uid, index);
    }
    return index;
  }

  /** Runs `apply` as the task's processing, records the task and answers 202 with its summary. */
  private enqueue(reply: (status: number, body: unknown) => void, indexUid: string | null, type: string, apply: () => void): void {
    const now = new Date().toISOString();
    let error: Task['error'] = null;
    try {
      apply();
    } catch (e) {
      if (!(e instanceof TaskError)) throw e;
      error = { message: e.message, code: e.code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${e.code}` };
    }
    const task: Task = {
      uid: this.tasks.length,
      indexUid,
      type,
      status: error ? 'failed' : 'succeeded',
      error,
      enqueuedAt: now,
      startedAt: now,
      finishedAt: now,
      duration: 'PT0S',
      batchUid: this.tasks.length,
      canceledBy: null,
      details: {},
    };
    this.tasks.push(task);
    reply(202, { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: now });
  }
}
