/**
 * Bytes <-> objects for the Oracle's messages. Encoding writes the objects as they are (no copy
 * through fromObject: the objects already have the proto's field names and JS types). Decoding
 * gives plain objects: on the server without defaults, so an absent field stays absent and
 * validation can say "required"; on the client with defaults, so every field is there.
 */
import type protobuf from "protobufjs";
import { oracleRoot, ORACLE_PACKAGE } from "./proto";

/** Decoded request that was not a valid message: the server answers INVALID_ARGUMENT. */
export interface UndecodableRequest {
  readonly undecodable: string;
}

export function isUndecodable(x: unknown): x is UndecodableRequest {
  return typeof x === "object" && x !== null && "undecodable" in x;
}

const REQUEST_VIEW: protobuf.IConversionOptions = { enums: String, longs: Number, arrays: true, objects: true, defaults: false };
const RESPONSE_VIEW: protobuf.IConversionOptions = { enums: String, longs: Number, arrays: true, objects: true, defaults: true };

export interface MessageCodec {
  readonly type: protobuf.Type;
  encode(obj: object): Buffer;
  /** Server side: never throws. */
  decodeRequest(buf: Buffer): object | UndecodableRequest;
  /** Client side: every field present. */
  decodeResponse(buf: Buffer): object;
}

export function messageCodec(name: string): MessageCodec {
  const type = oracleRoot().lookupType(`${ORACLE_PACKAGE}.${name}`);
  return {
    type,
    encode: (obj) => {
      const bytes = type.encode(obj).finish();
      return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    decodeRequest: (buf) => {
      try {
        return type.toObject(type.decode(buf), REQUEST_VIEW);
      } catch (err) {
        return { undecodable: err instanceof Error ? err.message : String(err) };
      }
    },
    decodeResponse: (buf) => type.toObject(type.decode(buf), RESPONSE_VIEW),
  };
}

/** A proto enum seen as the lower-case words the reading types use ("GENDER_MALE" <-> "male"). */
export interface EnumWords<W extends string> {
  /** null for the UNSPECIFIED value; an unknown number becomes its digits, which validation refuses. */
  fromWire(value: unknown): W | string | null;
  toWire(word: W | null | undefined): number;
}

export function enumWords<W extends string>(enumName: string, prefix: string): EnumWords<W> {
  const values = oracleRoot().lookupEnum(`${ORACLE_PACKAGE}.${enumName}`).values;
  return {
    fromWire(value) {
      if (value === undefined || value === null) return null;
      if (typeof value === "number") return String(value);
      const name = String(value);
      if (!name.startsWith(prefix) || name === `${prefix}UNSPECIFIED`) return null;
      return name.slice(prefix.length).toLowerCase();
    },
    toWire(word) {
      if (word === null || word === undefined) return 0;
      const n = values[`${prefix}${word.toUpperCase()}`];
      if (n === undefined) throw new Error(`${enumName} has no value for "${word}"`);
      return n;
    },
  };
}
