/**
 * Where the Oracle's contract lives and how it is loaded: protobufjs types (field names kept as
 * written, snake_case) for the codec, and a proto-loader package of the Oracle and grpc.health.v1
 * for server reflection.
 */
import path from "node:path";
import * as protoLoader from "@grpc/proto-loader";
import { protoPath as HEALTH_PROTO } from "grpc-health-check";
import protobuf from "protobufjs";

export const ORACLE_PROTO = path.resolve(__dirname, "../../../proto/oracle.proto");
export const ORACLE_PACKAGE = "nps.oracle.v1";
/** The full service name: the gRPC path prefix and the name health checks ask about. */
export const ORACLE_SERVICE = `${ORACLE_PACKAGE}.OracleService`;
export const HEALTH_SERVICE = "grpc.health.v1.Health";

let root: protobuf.Root | undefined;

export function oracleRoot(): protobuf.Root {
  if (!root) {
    root = new protobuf.Root().loadSync(ORACLE_PROTO, { keepCase: true });
    root.resolveAll();
  }
  return root;
}

export function oracleType(name: string): protobuf.Type {
  return oracleRoot().lookupType(`${ORACLE_PACKAGE}.${name}`);
}

/** Both services as descriptors, for the reflection service (so grpcurl needs no proto file). */
export function reflectionPackage(): protoLoader.PackageDefinition {
  return protoLoader.loadSync([ORACLE_PROTO, HEALTH_PROTO], { keepCase: true });
}
