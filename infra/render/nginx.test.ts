import { randomBytes } from "node:crypto";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import * as http from "node:http";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { HEALTH_PATHS } from "../../services/lib/health-paths";
import { EDGE_HEADERS, renderNginxConf, renderWebServerConf, type NginxOptions } from "./nginx";
import { firstWsMessage } from "../../services/lib/testing/ws-first-message";
import { createTestDatabase, type TestDatabase } from "../../services/lib/testing/test-database";
import { apiHealthHandler, freePort, startApiProcess, startUpstream, webPageHandler, type Upstream } from "./test-upstream";

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Name, value, name, value, ... as sent: node joins repeated headers in `headers`. */
  rawHeaders: string[];
  body: string;
}

/** Every value a response carried for a header, however often it was sent. */
const sent = (r: Reply, name: string): string[] =>
  r.rawHeaders.flatMap((v, i) => (i % 2 === 0 && v.toLowerCase() === name.toLowerCase() ? [r.rawHeaders[i + 1]] : []));

function post(url: string, body: unknown, ca: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = https.request(url, { method: "POST", ca, servername: "localhost", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: text }));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

function get(url: string, ca?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const mod = url.startsWith("https:") ? https : http;
    const req = mod.get(url, { ca, servername: "localhost", agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body }));
    });
    req.on("error", reject);
  });
}

async function waitForPort(port: number, deadlineMs = 10_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const ok = await new Promise<boolean>((r) => {
      const s = net.connect(port, "127.0.0.1", () => (s.end(), r(true)));
      s.on("error", () => r(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An nginx of its own: prefix, pid, logs and temp paths in a scratch directory. */
class NginxUnderTest {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-nginx-"));
  private proc?: ChildProcess;

  constructor() {
    fs.chmodSync(this.dir, 0o755);
    fs.mkdirSync(path.join(this.dir, "tmp"));
    fs.mkdirSync(path.join(this.dir, "logs"));
  }

  runtime(): NginxOptions["runtime"] {
    return {
      pidFile: path.join(this.dir, "nginx.pid"),
      errorLog: path.join(this.dir, "logs", "error.log"),
      accessLog: path.join(this.dir, "logs", "access.log"),
      tempDir: path.join(this.dir, "tmp"),
      mimeTypes: "/etc/nginx/mime.types",
      daemon: false,
    };
  }

  certificate(): { certificate: string; key: string; pem: string } {
    const certificate = path.join(this.dir, "cert.pem");
    const key = path.join(this.dir, "key.pem");
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
      "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", key, "-out", certificate,
    ], { stdio: "ignore" });
    return { certificate, key, pem: fs.readFileSync(certificate, "utf8") };
  }

  write(conf: string): string {
    const file = path.join(this.dir, "nginx.conf");
    fs.writeFileSync(file, conf);
    return file;
  }

  check(file: string): { ok: boolean; output: string } {
    try {
      const out = execFileSync("nginx", ["-t", "-p", `${this.dir}/`, "-c", file], { stdio: "pipe" });
      return { ok: true, output: out.toString() };
    } catch (err) {
      const e = err as { stderr?: Buffer };
      return { ok: false, output: e.stderr?.toString() ?? String(err) };
    }
  }

  async start(file: string, port: number): Promise<void> {
    this.proc = spawn("nginx", ["-p", `${this.dir}/`, "-c", file], { stdio: "ignore" });
    await waitForPort(port);
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (p && p.exitCode === null) {
      const exited = new Promise((r) => p.once("exit", r));
      p.kill("SIGQUIT");
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

describe("nginx.conf, checked and run by the real nginx", function () {
  this.timeout(30_000);
  let api: Upstream;
  let web: Upstream;

  before(async () => {
    api = await startUpstream(apiHealthHandler);
    web = await startUpstream(webPageHandler);
  });
  after(async () => {
    await api.close();
    await web.close();
  });

  describe("with TLS", () => {
    const n = new NginxUnderTest();
    let httpPort: number;
    let httpsPort: number;
    let ca: string;

    before(async () => {
      httpPort = await freePort();
      httpsPort = await freePort();
      const cert = n.certificate();
      ca = cert.pem;
      const conf = renderNginxConf({
        serverName: "localhost",
        apiServers: [`127.0.0.1:${api.port}`],
        webServers: [`127.0.0.1:${web.port}`],
        listen: { http: httpPort, https: httpsPort },
        tls: { certificate: cert.certificate, key: cert.key },
        publicHttpsPort: httpsPort,
        runtime: n.runtime(),
      });
      const file = n.write(conf);
      const check = n.check(file);
      expect(check.ok, check.output).to.equal(true);
      await n.start(file, httpsPort);
    });
    after(() => n.stop());

    it("passes nginx -t", () => {
      expect(n.check(path.join(n.dir, "nginx.conf")).ok).to.equal(true);
    });

    it("answers /nginx-health over HTTP and redirects everything else to HTTPS", async () => {
      const health = await get(`http://127.0.0.1:${httpPort}${HEALTH_PATHS.nginx}`);
      expect(health.status).to.equal(200);
      expect(health.body).to.equal("healthy\n");
      const r = await get(`http://127.0.0.1:${httpPort}${HEALTH_PATHS.apiLive}`);
      expect(r.status).to.equal(301);
      expect(r.headers.location).to.equal(`https://127.0.0.1:${httpsPort}${HEALTH_PATHS.apiLive}`);
    });

    it("proxies the API over HTTPS with HSTS and the security headers", async () => {
      const r = await get(`https://localhost:${httpsPort}${HEALTH_PATHS.apiLive}`, ca);
      expect(r.status).to.equal(200);
      expect(JSON.parse(r.body)).to.deep.equal({ status: "healthy", version: "4.0.0", via: "https" });
      expect(r.headers["strict-transport-security"]).to.equal("max-age=31536000; includeSubDomains; preload");
      expect(r.headers["x-frame-options"]).to.equal("DENY");
      expect(r.headers["x-content-type-options"]).to.equal("nosniff");
    });

    it("serves the web page with its cache header and still every security header", async () => {
      const r = await get(`https://localhost:${httpsPort}/`, ca);
      expect(r.status).to.equal(200);
      expect(r.body).to.include("<title>NPS</title>");
      expect(r.headers["cache-control"]).to.equal("no-cache");
      expect(r.headers["strict-transport-security"]).to.match(/^max-age=31536000/);
      expect(r.headers["referrer-policy"]).to.equal("strict-origin-when-cross-origin");
    });

    it("refuses TLS 1.1", async () => {
      const err = await new Promise<Error | undefined>((resolve) => {
        const req = https.get(`https://localhost:${httpsPort}/`, { ca, agent: false, maxVersion: "TLSv1.1", minVersion: "TLSv1" }, () => resolve(undefined));
        req.on("error", resolve);
      });
      expect(err).to.be.instanceOf(Error);
    });
  });

  describe("without TLS (behind another terminator)", () => {
    const n = new NginxUnderTest();
    let httpPort: number;

    before(async () => {
      httpPort = await freePort();
      const file = n.write(
        renderNginxConf({
          serverName: "localhost",
          apiServers: [`127.0.0.1:${api.port}`],
          webServers: [`127.0.0.1:${web.port}`],
          listen: { http: httpPort, https: 0 },
          runtime: n.runtime(),
        }),
      );
      const check = n.check(file);
      expect(check.ok, check.output).to.equal(true);
      await n.start(file, httpPort);
    });
    after(() => n.stop());

    it("proxies the API over HTTP", async () => {
      const r = await get(`http://127.0.0.1:${httpPort}${HEALTH_PATHS.apiLive}`);
      expect(r.status).to.equal(200);
      expect(JSON.parse(r.body).status).to.equal("healthy");
      expect(r.headers["strict-transport-security"]).to.equal(undefined);
    });
  });

  describe("in front of the live API (`nps start --only api`)", () => {
    const n = new NginxUnderTest();
    const password = "nginx-test-password-1";
    let database: TestDatabase;
    let live: Upstream;
    let httpsPort: number;
    let ca: string;

    before(async function () {
      this.timeout(120_000);
      database = await createTestDatabase();
      // No Oracle server listens on that port: the API answers readings in direct mode.
      // FORCE_HTTPS as the stacks set it: the API then sends its own HSTS as well.
      live = await startApiProcess({ DATABASE_URL: database.url, API_SECRET_KEY: randomBytes(32).toString("hex"), NPS_ADMIN_PASSWORD: password, ORACLE_GRPC_HOST: "127.0.0.1", ORACLE_GRPC_PORT: String(await freePort()), FORCE_HTTPS: "true" });
      httpsPort = await freePort();
      const cert = n.certificate();
      ca = cert.pem;
      const file = n.write(
        renderNginxConf({
          serverName: "localhost",
          apiServers: [`127.0.0.1:${live.port}`],
          webServers: [`127.0.0.1:${web.port}`],
          listen: { http: await freePort(), https: httpsPort },
          tls: { certificate: cert.certificate, key: cert.key },
          publicHttpsPort: httpsPort,
          runtime: n.runtime(),
        }),
      );
      const check = n.check(file);
      expect(check.ok, check.output).to.equal(true);
      await n.start(file, httpsPort);
    });
    after(async () => {
      n.stop();
      await live?.close();
      await database?.drop();
    });

    it("serves liveness, readiness and the API's own errors over HTTPS", async () => {
      const health = await get(`https://localhost:${httpsPort}${HEALTH_PATHS.apiLive}`, ca);
      expect(health.status).to.equal(200);
      expect(JSON.parse(health.body)).to.include({ status: "healthy" });
      expect(health.headers["strict-transport-security"]).to.match(/^max-age=31536000/);
      const ready = await get(`https://localhost:${httpsPort}${HEALTH_PATHS.apiReady}`, ca);
      expect(ready.status).to.equal(200);
      expect(JSON.parse(ready.body).checks).to.include({ database: "healthy", oracle_service: "direct_mode" });
      const refused = await post(`https://localhost:${httpsPort}/api/auth/login`, { username: "admin", password: "wrong-password-1" }, ca);
      expect(refused.status).to.equal(401);
      expect(JSON.parse(refused.body).error.code).to.be.a("string");
    });

    it("sends each security header once on a proxied API response, nginx's value where both set one", async () => {
      const direct = await get(`http://127.0.0.1:${live.port}${HEALTH_PATHS.apiLive}`);
      const ownedByApi = EDGE_HEADERS.filter((h) => sent(direct, h).length > 0);
      // The API sets them itself (it also runs without nginx): otherwise this test proves nothing.
      expect(ownedByApi, "headers the API sets itself").to.include.members(["Strict-Transport-Security", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"]);
      const edge = renderNginxConf({ serverName: "x", apiServers: ["a:1"], webServers: ["w:1"], listen: { http: 1, https: 2 }, tls: { certificate: "c", key: "k" } });
      for (const route of [HEALTH_PATHS.apiLive, "/api/no-such-route"]) {
        const r = await get(`https://localhost:${httpsPort}${route}`, ca);
        for (const h of EDGE_HEADERS) {
          const values = sent(r, h);
          expect(values, `${route}: ${h}`).to.have.length(1);
          expect(edge, `${h} is nginx's`).to.include(`add_header ${h} ${/\s/.test(values[0]) ? `"${values[0]}"` : values[0]} always;`);
        }
        // Headers only the API sets pass through once.
        for (const h of ["Content-Security-Policy", "Cross-Origin-Resource-Policy"]) expect(sent(r, h), `${route}: ${h}`).to.deep.equal(sent(direct, h));
      }
    });

    it("carries a signed-in WebSocket through its /ws upgrade", async () => {
      const login = await post(`https://localhost:${httpsPort}/api/auth/login`, { username: "admin", password }, ca);
      expect(login.status, login.body).to.equal(200);
      const token = JSON.parse(login.body).access_token as string;
      const first = await firstWsMessage(`wss://localhost:${httpsPort}/ws?token=${encodeURIComponent(token)}`, { ca });
      expect(first.event).to.equal("connected");
    });
  });

  it("runs the web page server, which sends the security headers itself (prod has only the load balancer in front)", async () => {
    const n = new NginxUnderTest();
    try {
      const rt = n.runtime() ?? {};
      const port = await freePort();
      fs.writeFileSync(path.join(n.dir, "index.html"), "<!doctype html><title>NPS</title>");
      fs.writeFileSync(path.join(n.dir, "app.js"), "export {};");
      const main = `pid ${rt.pidFile};\nerror_log ${rt.errorLog};\ndaemon off;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log ${rt.accessLog};\n  client_body_temp_path ${rt.tempDir}/cb;\n  proxy_temp_path ${rt.tempDir}/p;\n  fastcgi_temp_path ${rt.tempDir}/f;\n  uwsgi_temp_path ${rt.tempDir}/u;\n  scgi_temp_path ${rt.tempDir}/s;\n  include ${path.join(n.dir, "web.conf")};\n}\n`;
      fs.writeFileSync(path.join(n.dir, "web.conf"), renderWebServerConf({ port, root: n.dir }));
      const file = n.write(main);
      const check = n.check(file);
      expect(check.ok, check.output).to.equal(true);
      await n.start(file, port);
      for (const [url, cache] of [["/profiles", /^no-cache$/], ["/app.js", /public, immutable$/]] as const) {
        const r = await get(`http://127.0.0.1:${port}${url}`);
        expect(r.status, url).to.equal(200);
        expect(r.headers["cache-control"], url).to.match(cache);
        expect(r.headers["referrer-policy"], url).to.equal("strict-origin-when-cross-origin");
        expect(r.headers["x-frame-options"], url).to.equal("DENY");
        expect(r.headers["x-content-type-options"], url).to.equal("nosniff");
      }
    } finally {
      await n.stop();
    }
  });
});
