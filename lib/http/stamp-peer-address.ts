// Node only (loaded from instrumentation.ts): every request a Node HTTP server of this process receives gets the
// socket's remote address in PEER_HEADER, replacing whatever the client sent under that name. Route handlers never
// see the socket; lib/http/client-address.ts reads this header.
import "server-only";
import http from "node:http";
import { PEER_HEADER } from "./client-address";

const MARK = Symbol.for("meeting.peer-address-stamp");

export function stampPeerAddresses() {
  const proto = http.Server.prototype as unknown as { emit: (...args: unknown[]) => boolean; [MARK]?: boolean };
  if (proto[MARK]) return;
  proto[MARK] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: unknown, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      const addr = req.socket?.remoteAddress;
      if (addr) req.headers[PEER_HEADER] = addr;
      else delete req.headers[PEER_HEADER];
    }
    return emit.call(this, event, ...args);
  };
}
