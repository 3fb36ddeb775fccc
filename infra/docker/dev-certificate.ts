import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";

/** How long the local certificate lasts before `pulumi up` renews it. */
export const DEV_CERT_VALIDITY_HOURS = 24 * 90;

/**
 * A self-signed certificate for the dev stack's nginx, for local use: ECDSA P-256, server auth,
 * for the stack's domain and localhost. The key stays a Pulumi secret.
 */
export class DevCertificate extends pulumi.ComponentResource {
  readonly certificatePem: pulumi.Output<string>;
  readonly privateKeyPem: pulumi.Output<string>;

  constructor(name: string, args: { domain: string }, opts?: pulumi.ComponentResourceOptions) {
    super("nps:docker:DevCertificate", name, {}, opts);
    const key = new tls.PrivateKey(`${name}-key`, { algorithm: "ECDSA", ecdsaCurve: "P256" }, { parent: this });
    const cert = new tls.SelfSignedCert(
      `${name}-cert`,
      {
        privateKeyPem: key.privateKeyPem,
        subject: { commonName: args.domain, organization: "NPS (local)" },
        dnsNames: [...new Set([args.domain, "localhost"])],
        ipAddresses: ["127.0.0.1"],
        validityPeriodHours: DEV_CERT_VALIDITY_HOURS,
        earlyRenewalHours: 24 * 7,
        allowedUses: ["digital_signature", "key_encipherment", "server_auth"],
      },
      { parent: this },
    );
    this.certificatePem = cert.certPem;
    this.privateKeyPem = pulumi.secret(key.privateKeyPem);
    this.registerOutputs({});
  }
}
