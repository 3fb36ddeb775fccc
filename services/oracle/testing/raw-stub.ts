/**
 * A client that sends the Oracle's messages as written, without the typed client's validation,
 * the way any other gRPC client (grpcurl, another language) can: for testing what the server
 * itself accepts and refuses.
 */
import * as grpc from "@grpc/grpc-js";
import { oracleRoot, ORACLE_PACKAGE, ORACLE_SERVICE } from "../grpc/proto";

export interface RawReply {
  readonly error: grpc.ServiceError | null;
  readonly bytes: Buffer | undefined;
}

export class RawOracleStub {
  private readonly client: grpc.Client;

  constructor(target: string) {
    this.client = new grpc.Client(target, grpc.credentials.createInsecure());
  }

  /** Sends `message` (proto field names, enums as numbers) to an RPC; never throws. */
  call(rpc: string, message: object | Buffer, deadlineMs = 5_000): Promise<RawReply> {
    const bytes = Buffer.isBuffer(message) ? message : encode(`${rpc}Request`, message);
    return new Promise((resolve) => {
      this.client.makeUnaryRequest(
        `/${ORACLE_SERVICE}/${rpc}`,
        (b: Buffer) => b,
        (b: Buffer) => b,
        bytes,
        new grpc.Metadata(),
        { deadline: Date.now() + deadlineMs },
        (error, reply) => resolve({ error, bytes: reply }),
      );
    });
  }

  close(): void {
    this.client.close();
  }
}

function encode(type: string, message: object): Buffer {
  // No verify(): an enum number the proto does not know must reach the server as it is.
  const t = oracleRoot().lookupType(`${ORACLE_PACKAGE}.${type}`);
  return Buffer.from(t.encode(t.fromObject(message)).finish());
}
