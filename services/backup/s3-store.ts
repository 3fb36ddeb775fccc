import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { CliError } from "../cli-error";
import { backupKind, type BackupType } from "../lib/backup-kinds";

/**
 * The backup bucket: uploads (multipart, streamed from the file, SSE-KMS with the stack's key),
 * listing, download and delete. Keys are `<prefix><kind prefix><file name>`, e.g.
 * `oracle/oracle_full_20260214_000000.sql.gz`; the bucket's lifecycle rules filter on the same
 * kind prefixes (services/lib/backup-kinds.ts).
 */

export interface S3Location {
  readonly bucket: string;
  /** "" or a prefix ending in "/". */
  readonly prefix: string;
}

export interface S3Settings {
  /** S3-compatible endpoint (path-style); undefined: AWS S3 in AWS_REGION. */
  readonly endpoint?: string;
  readonly region?: string;
  /** KMS key id or ARN for SSE-KMS; "" leaves it to the bucket's default encryption. */
  readonly kmsKeyId: string;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Parts of 8 MiB, two in flight: at most ~16 MiB of a backup in memory, whatever its size. */
export const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;

export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!m) throw new CliError(`--upload: expected s3://BUCKET[/PREFIX], got "${url}"`, 2);
  const prefix = (m[2] ?? "").replace(/^\/+/, "");
  return { bucket: m[1], prefix: prefix && !prefix.endsWith("/") ? `${prefix}/` : prefix };
}

export function s3Url(loc: S3Location, key = ""): string {
  return `s3://${loc.bucket}/${key || loc.prefix}`;
}

export function createS3Client(s: S3Settings): S3Client {
  return new S3Client({
    region: s.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
    ...(s.endpoint ? { endpoint: s.endpoint, forcePathStyle: true } : {}),
    ...(s.credentials ? { credentials: s.credentials } : {}),
    // Checksums only where S3 requires them: S3-compatible servers store streamed bodies with
    // the SDK's default trailing checksums corrupted.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

export function keyOf(loc: S3Location, kind: BackupType, fileName: string): string {
  return `${loc.prefix}${backupKind(kind).prefix}${fileName}`;
}

function encryption(s: S3Settings) {
  return s.kmsKeyId ? { ServerSideEncryption: "aws:kms" as const, SSEKMSKeyId: s.kmsKeyId } : {};
}

/** Streams a file to the bucket in parts; resolves once S3 has the whole object. */
export async function uploadFile(client: S3Client, s: S3Settings, loc: S3Location, key: string, file: string, contentType: string): Promise<void> {
  const upload = new Upload({
    client,
    params: { Bucket: loc.bucket, Key: key, Body: fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), ContentType: contentType, ...encryption(s) },
    partSize: PART_SIZE,
    queueSize: QUEUE_SIZE,
    leavePartsOnError: false,
  });
  await upload.done();
}

export async function putText(client: S3Client, s: S3Settings, loc: S3Location, key: string, body: string): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: loc.bucket, Key: key, Body: body, ContentType: "application/json", ...encryption(s) }));
}

export interface S3Object {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date | undefined;
}

export async function listObjects(client: S3Client, loc: S3Location, prefix = loc.prefix): Promise<S3Object[]> {
  const out: S3Object[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: loc.bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of page.Contents ?? []) if (o.Key) out.push({ key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

export async function downloadFile(client: S3Client, loc: S3Location, key: string, file: string): Promise<void> {
  const res = await client.send(new GetObjectCommand({ Bucket: loc.bucket, Key: key }));
  if (!res.Body) throw new CliError(`${s3Url(loc, key)}: empty response`, 1);
  await pipeline(res.Body as Readable, fs.createWriteStream(file));
}

export async function getText(client: S3Client, loc: S3Location, key: string): Promise<string | undefined> {
  try {
    const res = await client.send(new GetObjectCommand({ Bucket: loc.bucket, Key: key }));
    return await res.Body?.transformToString("utf8");
  } catch (err) {
    if ((err as { name?: string }).name === "NoSuchKey") return undefined;
    throw err;
  }
}

export async function deleteObject(client: S3Client, loc: S3Location, key: string): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: loc.bucket, Key: key }));
}
