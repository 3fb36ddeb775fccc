/**
 * The OracleService as grpc-js sees it, one definition for both ends: the client serializes
 * request objects and deserializes results, the server the other way round. A request object is
 * its message as it is (the contract's names are the proto's), so it is encoded without a copy.
 */
import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import { isUndecodable, type UndecodableRequest } from "./codec";
import { METHOD_KEYS, oracleMethods, type MethodKey, type OracleMethod, type RequestOf, type ResultOf } from "./methods";
import { ORACLE_SERVICE } from "./proto";

/** What the server's handler receives: a request to validate, or bytes that were no message at all. */
export type Incoming<K extends MethodKey> = RequestOf<K> | UndecodableRequest;


function definitionOf<K extends MethodKey>(m: OracleMethod<K>): MethodDefinition<Incoming<K>, ResultOf<K>> {
  return {
    path: `/${ORACLE_SERVICE}/${m.rpc}`,
    requestStream: false,
    responseStream: false,
    requestSerialize: (req) => {
      if (isUndecodable(req)) throw new Error(req.undecodable);
      return m.request.encode(req);
    },
    // Never throws: the server validates what it decodes, and answers INVALID_ARGUMENT to bytes that are no message.
    requestDeserialize: (buf) => m.request.decodeRequest(buf) as Incoming<K>,
    responseSerialize: (result) => m.response.encode(m.toWireResponse(result)),
    responseDeserialize: (buf) => m.fromWireResponse(m.response.decodeResponse(buf)),
    originalName: m.rpc.charAt(0).toLowerCase() + m.rpc.slice(1),
  };
}

let definition: ServiceDefinition | undefined;

/** Keyed by RPC name ("GetReading", ...). */
export function oracleServiceDefinition(): ServiceDefinition {
  if (definition) return definition;
  const methods = oracleMethods();
  const def: Record<string, MethodDefinition<unknown, unknown>> = {};
  for (const key of METHOD_KEYS) {
    const m = methods[key] as OracleMethod<MethodKey>;
    def[m.rpc] = definitionOf(m) as MethodDefinition<unknown, unknown>;
  }
  definition = def as ServiceDefinition;
  return definition;
}
