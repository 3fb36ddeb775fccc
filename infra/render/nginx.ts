import { HEALTH_PATHS } from "../../services/lib/health-paths";

/**
 * nginx.conf for the edge proxy (seed section 3.5): TLS 1.2/1.3 with forward-secret ciphers,
 * HSTS and security headers on every response (nginx's alone: the upstreams' copies hidden),
 * gzip, rate-limit zones, an upstream over the API replicas, the /ws upgrade and /nginx-health. Pure: the same text is uploaded into the dev
 * stack's nginx container, checked by `nginx -t` in tests and written by `nps render nginx`.
 */

export interface NginxOptions {
  readonly serverName: string;
  /** host:port of every API replica. */
  readonly apiServers: readonly string[];
  /** host:port of every web page replica. */
  readonly webServers: readonly string[];
  readonly listen: { readonly http: number; readonly https: number };
  /** Certificate and key files; without them nginx serves plain HTTP only. */
  readonly tls?: { readonly certificate: string; readonly key: string };
  /** The HTTPS port clients see, when it is not the one nginx listens on (a host port mapping). */
  readonly publicHttpsPort?: number;
  /** Paths of the process itself; the defaults suit the nginx image. */
  readonly runtime?: Partial<NginxRuntime>;
  /**
   * A DNS server (Docker's 127.0.0.11) to resolve the upstreams at request time, so a replaced
   * container's new address is found; apiServers and webServers are then one name each (a name
   * with one address per replica), and nginx spreads requests over what it resolves.
   */
  readonly resolver?: string;
}

export interface NginxRuntime {
  readonly pidFile: string;
  readonly errorLog: string;
  readonly accessLog: string;
  /** Directory for the five *_temp_path directives; undefined keeps nginx's own. */
  readonly tempDir?: string;
  readonly mimeTypes: string;
  /**
   * false for a foreground process (tests): the file says `daemon off;`. "command-line" where the
   * process's own command says it (the stock image runs `nginx -g "daemon off;"`, and nginx
   * refuses the directive twice).
   */
  readonly daemon: boolean | "command-line";
}

const DEFAULT_RUNTIME: NginxRuntime = {
  pidFile: "/var/run/nginx.pid",
  errorLog: "/dev/stderr",
  accessLog: "/dev/stdout",
  mimeTypes: "/etc/nginx/mime.types",
  daemon: false,
};

/** Seed section 3.5 / 6.3: TLS 1.2 and 1.3 only, ECDHE AES-GCM suites with forward secrecy. */
export const TLS_PROTOCOLS = "TLSv1.2 TLSv1.3";
export const TLS_CIPHERS =
  "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384";
export const HSTS = "max-age=31536000; includeSubDomains; preload";

/** Requests per second per client on /api/, and per minute on the login routes. */
export const RATE_LIMITS = {
  api: { zone: "api", rate: "30r/s", burst: 50 },
  login: { zone: "login", rate: "5r/m", burst: 10 },
} as const;

const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["X-Frame-Options", "DENY"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-XSS-Protection", '"1; mode=block"'],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
];

/** The headers nginx sets on every response and so owns: the upstreams' copies are hidden. */
export const EDGE_HEADERS: readonly string[] = ["Strict-Transport-Security", ...SECURITY_HEADERS.map(([k]) => k)];

const STATIC_ASSETS = "js|css|png|jpg|jpeg|gif|ico|svg|woff|woff2|ttf|eot";

export function renderNginxConf(o: NginxOptions): string {
  if (o.apiServers.length === 0) throw new Error("nginx: at least one API server");
  if (o.webServers.length === 0) throw new Error("nginx: at least one web server");
  const rt: NginxRuntime = { ...DEFAULT_RUNTIME, ...o.runtime };
  if (o.resolver && (o.apiServers.length !== 1 || o.webServers.length !== 1)) throw new Error("nginx: with a resolver, one API and one web server name");
  const upstream = (name: "api" | "web") => (o.resolver ? `$nps_${name}` : name);
  // With variables in proxy_pass, nginx resolves the names per request through the resolver.
  const targets = o.resolver ? [`set $nps_api ${o.apiServers[0]};`, `set $nps_web ${o.webServers[0]};`] : [];
  const temp = rt.tempDir
    ? ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((k) => `    ${k}_temp_path ${rt.tempDir}/${k};`).join("\n") + "\n"
    : "";
  const tls = o.tls;
  // Headers repeat in every location that adds its own: nginx drops inherited add_header
  // directives as soon as a block declares one.
  const headers = (https: boolean) =>
    [...(https ? [["Strict-Transport-Security", `"${HSTS}"`] as const] : []), ...SECURITY_HEADERS]
      .map(([k, v]) => `add_header ${k} ${v} always;`);
  // nginx owns the headers it adds: the upstream's own copies (the API sets them too, through
  // helmet) are dropped, or every proxied response would carry each of them twice, with values
  // that may disagree.
  const hideOwned = EDGE_HEADERS.map((k) => `proxy_hide_header ${k};`);
  // Keep-alive to the upstream, or (for /ws) the client's upgrade passed through.
  const proxied = (name: "api" | "web", upgrade = false) => [
    ...hideOwned,
    `proxy_pass http://${upstream(name)};`,
    "proxy_http_version 1.1;",
    ...(upgrade ? ["proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;"] : ['proxy_set_header Connection "";']),
    "proxy_set_header Host $host;",
    "proxy_set_header X-Real-IP $remote_addr;",
    "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
    "proxy_set_header X-Forwarded-Proto $scheme;",
  ];
  const siteLocations = (https: boolean): string[] => [
    block(`location ~* \\.(${STATIC_ASSETS})$`, [...proxied("web"), "expires 30d;", 'add_header Cache-Control "public, immutable";', ...headers(https)]),
    block("location /", [...proxied("web"), 'add_header Cache-Control "no-cache";', ...headers(https)]),
    block("location ^~ /api/auth/", [`limit_req zone=${RATE_LIMITS.login.zone} burst=${RATE_LIMITS.login.burst} nodelay;`, ...proxied("api")]),
    block("location /api/", [
      `limit_req zone=${RATE_LIMITS.api.zone} burst=${RATE_LIMITS.api.burst} nodelay;`,
      ...proxied("api"),
      "proxy_buffering on;",
      "proxy_buffer_size 8k;",
      "proxy_buffers 8 8k;",
    ]),
    block("location /ws", [...proxied("api", true), "proxy_read_timeout 86400;"]),
    health(),
  ];
  const httpsPort = o.publicHttpsPort && o.publicHttpsPort !== 443 ? `:${o.publicHttpsPort}` : "";
  const servers: string[] = [];
  if (tls) {
    servers.push(
      block("server", [
        `listen ${o.listen.http};`,
        `server_name ${o.serverName};`,
        health(),
        block("location /", [`return 301 https://$host${httpsPort}$request_uri;`]),
      ]),
      block("server", [
        `listen ${o.listen.https} ssl http2;`,
        `server_name ${o.serverName};`,
        `ssl_certificate ${tls.certificate};`,
        `ssl_certificate_key ${tls.key};`,
        `ssl_protocols ${TLS_PROTOCOLS};`,
        `ssl_ciphers ${TLS_CIPHERS};`,
        "ssl_prefer_server_ciphers off;",
        "ssl_session_cache shared:SSL:10m;",
        "ssl_session_timeout 1d;",
        "ssl_session_tickets off;",
        ...targets,
        ...headers(true),
        ...siteLocations(true),
      ]),
    );
  } else {
    servers.push(block("server", [`listen ${o.listen.http};`, `server_name ${o.serverName};`, ...targets, ...headers(false), ...siteLocations(false)]));
  }

  return `# NPS edge proxy: rendered from infra/catalog.ts by infra/render/nginx.ts
worker_processes auto;
pid ${rt.pidFile};
error_log ${rt.errorLog} warn;
${rt.daemon === false ? "daemon off;\n" : ""}
events {
    worker_connections 1024;
    multi_accept on;
}

http {
    include ${rt.mimeTypes};
    default_type application/octet-stream;
    access_log ${rt.accessLog};
${temp}
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    types_hash_max_size 2048;
    server_tokens off;
    client_max_body_size 10m;

    gzip on;
    gzip_vary on;
    gzip_proxied any;
    gzip_comp_level 4;
    gzip_min_length 256;
    gzip_types text/plain text/css text/javascript application/javascript application/json application/xml image/svg+xml;

    limit_req_zone $binary_remote_addr zone=${RATE_LIMITS.api.zone}:10m rate=${RATE_LIMITS.api.rate};
    limit_req_zone $binary_remote_addr zone=${RATE_LIMITS.login.zone}:10m rate=${RATE_LIMITS.login.rate};
    limit_req_status 429;

    map $http_upgrade $connection_upgrade {
        default upgrade;
        ""      close;
    }

${o.resolver ? `    resolver ${o.resolver} valid=10s ipv6=off;\n    resolver_timeout 5s;\n` : `${indent(block("upstream api", ["least_conn;", ...o.apiServers.map((s) => `server ${s};`), "keepalive 32;"]), 1)}

${indent(block("upstream web", [...o.webServers.map((s) => `server ${s};`), "keepalive 16;"]), 1)}
`}
${servers.map((s) => indent(s, 1)).join("\n\n")}
}
`;
}

function health(): string {
  return block(`location = ${HEALTH_PATHS.nginx}`, ["access_log off;", "default_type text/plain;", 'return 200 "healthy\\n";']);
}

/** A `name { ... }` block; lines are directives or nested blocks. */
export function block(head: string, lines: readonly string[]): string {
  return `${head} {\n${lines.map((l) => indent(l, 1)).join("\n")}\n}`;
}

function indent(text: string, levels: number): string {
  const pad = "    ".repeat(levels);
  return text
    .split("\n")
    .map((l) => (l.length > 0 ? pad + l : l))
    .join("\n");
}

export interface WebServerOptions {
  readonly port: number;
  readonly root: string;
}

/**
 * The web page's own server (a server block for the nginx image's conf.d): the static files
 * with long-lived caching of hashed assets, the single-page fallback, and a health location.
 * It sets the security headers itself: in prod the load balancer is the only thing in front of
 * it and adds HSTS, nosniff and X-Frame-Options but no Referrer-Policy; in dev the edge nginx
 * hides these copies and sets its own.
 */
export function renderWebServerConf(o: WebServerOptions): string {
  const headers = SECURITY_HEADERS.map(([k, v]) => `add_header ${k} ${v} always;`);
  return `# NPS web page: rendered by infra/render/nginx.ts (renderWebServerConf)
${block("server", [
  `listen ${o.port};`,
  "server_tokens off;",
  `root ${o.root};`,
  "index index.html;",
  block(`location = ${HEALTH_PATHS.live}`, ["access_log off;", "default_type text/plain;", 'return 200 "healthy\\n";']),
  block(`location ~* \\.(${STATIC_ASSETS})$`, ["expires 30d;", 'add_header Cache-Control "public, immutable";', ...headers, "try_files $uri =404;"]),
  block("location /", ['add_header Cache-Control "no-cache";', ...headers, "try_files $uri $uri/ /index.html =404;"]),
])}
`;
}
