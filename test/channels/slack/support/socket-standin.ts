import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A local stand-in for Slack's Socket Mode WebSocket endpoint (RFC 6455 text frames, no extensions),
 * on 127.0.0.1:0. Says `hello` when the client connects, sends envelopes with `send(...)` and records
 * what the client sends back (the acks: `{ envelope_id }`). Answers pings, closes on close.
 */

export interface SocketStandIn {
  url: string;
  received: Array<Record<string, unknown>>;
  send(message: object): void;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  connected(): Promise<void>;
  close(): Promise<void>;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : Buffer.alloc(4);
  if (len >= 126) {
    if (len > 0xffff) throw new Error('stand-in: frame too large');
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  }
  return Buffer.concat([head, payload]);
}

export async function startSocketStandIn(): Promise<SocketStandIn> {
  const received: Array<Record<string, unknown>> = [];
  const listeners = new Set<() => void>();
  let socket: Duplex | undefined;
  let onConnect: (() => void) | undefined;
  const isConnected = new Promise<void>((resolve) => (onConnect = resolve));

  const server: Server = createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, s: Duplex) => {
    const accept = createHash('sha1').update(`${String(req.headers['sec-websocket-key'])}${GUID}`).digest('base64');
    s.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket = s;
    let buf = Buffer.alloc(0);
    s.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (buf.length < 2) return;
        const opcode = buf[0]! & 0x0f;
        let len = buf[1]! & 0x7f;
        let offset = 2;
        if (len === 126) {
          if (buf.length < 4) return;
          len = buf.readUInt16BE(2);
          offset = 4;
        } else if (len === 127) {
          if (buf.length < 10) return;
          len = Number(buf.readBigUInt64BE(2));
          offset = 10;
        }
        const masked = (buf[1]! & 0x80) !== 0;
        const mask = masked ? buf.subarray(offset, offset + 4) : undefined;
        if (masked) offset += 4;
        if (buf.length < offset + len) return;
        const payload = Buffer.from(buf.subarray(offset, offset + len));
        if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
        buf = buf.subarray(offset + len);
        if (opcode === 0x1) {
          received.push(JSON.parse(payload.toString('utf8')) as Record<string, unknown>);
          for (const l of listeners) l();
        } else if (opcode === 0x9) {
          s.write(frame(0xa, payload));
        } else if (opcode === 0x8) {
          s.end(frame(0x8, payload));
        }
      }
    });
    s.on('error', () => undefined);
    s.write(frame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'standin' }, connection_info: { app_id: 'A0VEILEDER' } }))));
    onConnect?.();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=standin`,
    received,
    send(message) {
      if (!socket) throw new Error('stand-in: no client connected');
      socket.write(frame(0x1, Buffer.from(JSON.stringify(message))));
    },
    connected: () => isConnected,
    waitForAck(envelopeId, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const ack = received.find((m) => m.envelope_id === envelopeId);
          if (ack) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(ack);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`socket stand-in: no ack for ${envelopeId}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    async close() {
      socket?.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
