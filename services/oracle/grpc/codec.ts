/**
 * Bytes <-> objects for the Oracle's messages. The objects have the proto's field names, which are
 * the contract's, so the only thing that differs between a request object and its message is how
 * an enum is written: the words the contract uses ("male", "abjad") against the proto's values
 * (GENDER_MALE, NUMEROLOGY_SYSTEM_ABJAD). The codec translates those, at any depth, from the
 * message's own descriptor, so a new field needs no code here. Decoding gives plain objects: on
 * the server without defaults, so an absent field stays absent and validation can say "required";
 * on the client with defaults, so every field is there.
 */
import protobuf from "protobufjs";
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

/** A proto enum seen as the lower-case words the contract uses ("GENDER_MALE" <-> "male"). */
export interface EnumWords {
  /** null for the UNSPECIFIED value; an unknown number becomes its digits, which validation refuses. */
  fromWire(value: unknown): string | null;
  toWire(word: unknown): number;
}

/** GENDER_ for Gender, NUMEROLOGY_SYSTEM_ for NumerologySystem. */
function enumPrefix(name: string): string {
  return `${name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}_`;
}

export function enumWords(e: protobuf.Enum): EnumWords {
  const prefix = enumPrefix(e.name);
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
      const n = e.values[`${prefix}${String(word).toUpperCase()}`];
      if (n === undefined) throw new Error(`${e.name} has no value for "${String(word)}"`);
      return n;
    },
  };
}

type FieldPlan =
  | { readonly name: string; readonly kind: "enum"; readonly words: EnumWords }
  | { readonly name: string; readonly kind: "message"; readonly plan: readonly FieldPlan[]; readonly repeated: boolean };

const plans = new Map<protobuf.Type, readonly FieldPlan[]>();

/** The fields of a message (and of the messages inside it) that hold enums; empty when none do. */
function enumPlan(type: protobuf.Type): readonly FieldPlan[] {
  const known = plans.get(type);
  if (known) return known;
  const plan: FieldPlan[] = [];
  plans.set(type, plan);
  for (const field of type.fieldsArray) {
    const resolved = field.resolve().resolvedType;
    if (resolved instanceof protobuf.Enum) plan.push({ name: field.name, kind: "enum", words: enumWords(resolved) });
    else if (resolved instanceof protobuf.Type && !field.map) {
      const inner = enumPlan(resolved);
      if (inner.length > 0) plan.push({ name: field.name, kind: "message", plan: inner, repeated: field.repeated });
    }
  }
  return plan;
}

/** A copy of `obj` with every enum rewritten by `enumOf`; objects without enums are shared, not copied. */
function rewrite(obj: Record<string, unknown>, plan: readonly FieldPlan[], enumOf: (words: EnumWords, value: unknown) => unknown): Record<string, unknown> {
  if (plan.length === 0) return obj;
  const out: Record<string, unknown> = { ...obj };
  for (const f of plan) {
    const value = obj[f.name];
    if (f.kind === "enum") out[f.name] = enumOf(f.words, value);
    else if (value !== null && value !== undefined) {
      out[f.name] = f.repeated
        ? (value as Record<string, unknown>[]).map((v) => rewrite(v, f.plan, enumOf))
        : rewrite(value as Record<string, unknown>, f.plan, enumOf);
    }
  }
  return out;
}

export interface MessageCodec {
  readonly type: protobuf.Type;
  /** Writes an object of contract words (enums as words). */
  encode(obj: object): Buffer;
  /** Server side: enums as words, absent fields absent; never throws. */
  decodeRequest(buf: Buffer): object | UndecodableRequest;
  /** Client side: every field present. */
  decodeResponse(buf: Buffer): object;
}

export function messageCodec(name: string): MessageCodec {
  const type = oracleRoot().lookupType(`${ORACLE_PACKAGE}.${name}`);
  const plan = enumPlan(type);
  return {
    type,
    encode: (obj) => {
      const bytes = type.encode(rewrite(obj as Record<string, unknown>, plan, (w, v) => w.toWire(v))).finish();
      return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    decodeRequest: (buf) => {
      try {
        return rewrite(type.toObject(type.decode(buf), REQUEST_VIEW), plan, (w, v) => w.fromWire(v));
      } catch (err) {
        return { undecodable: err instanceof Error ? err.message : String(err) };
      }
    },
    decodeResponse: (buf) => rewrite(type.toObject(type.decode(buf), RESPONSE_VIEW), plan, (w, v) => w.fromWire(v)),
  };
}
