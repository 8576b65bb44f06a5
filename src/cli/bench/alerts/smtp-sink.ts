import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * The alert benchmark's mail server, run as a process of its own so that
 * receiving does not share the app's event loop: accepts every message on
 * a loopback port, reads it to the end and keeps nothing. Prints
 * {"port": N} once listening; stops on SIGTERM.
 */
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  // The pooled transport keeps its connections; nothing here should cut them short.
  maxClients: 100,
  onData(stream, _session, callback) {
    stream.on('end', () => callback());
    stream.resume();
  },
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.server.address() as AddressInfo).port })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
