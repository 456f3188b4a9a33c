/**
 * sip.js's UserAgentCore, configured as a server-side gateway. Why we extend sip.js here (see
 * docs/architecture.md): its core was built for one user agent with one AOR, so it answers 404
 * to any Request-URI that is not its own user; a gateway receives INVITEs for every number it
 * carries. The dispatcher therefore sets the core's AOR to the INVITE's own Request-URI user
 * just before the core processes an out-of-dialog request (synchronous in sip.js), and the
 * router decides 404 for numbers nobody has. sip.js also takes credentials per core, not per
 * request: the dispatcher notes each response's Call-ID before handing it to the core, and the
 * authentication factory picks that outbound call's credentials.
 */
import { Core, URI } from "./sip-core";
import type { SipTransport } from "./transport";

export interface CoreOptions {
  transport: SipTransport;
  advertisedHost: string;
  port: number;
  loggerFactory: Core.LoggerFactory;
  /** Credentials for a 401/407 (sip.js asks while it handles the response). */
  authenticationFactory: () => Core.DigestAuthentication | undefined;
  delegate?: Core.UserAgentCoreDelegate;
}

export function makeCore(o: CoreOptions): Core.UserAgentCore {
  const contactUri = new URI("sip", "hotline", o.advertisedHost, o.port);
  return new Core.UserAgentCore(
    {
      aor: new URI("sip", "hotline", o.advertisedHost, o.port),
      contact: { pubGruu: undefined, tempGruu: undefined, uri: contactUri, toString: () => `<${contactUri.toString()}>` },
      displayName: "",
      loggerFactory: o.loggerFactory,
      hackViaTcp: false,
      routeSet: [],
      sipjsId: Math.random().toString(36).slice(2, 7),
      supportedOptionTags: [],
      supportedOptionTagsResponse: [],
      userAgentHeaderFieldValue: "Hotline",
      viaForceRport: true,
      viaHost: `${o.advertisedHost}:${o.port}`,
      authenticationFactory: o.authenticationFactory,
      transportAccessor: () => o.transport,
    },
    o.delegate ?? {},
  );
}

/** Lets the core accept an out-of-dialog request for any user (see above). */
export function acceptAnyUser(core: Core.UserAgentCore, m: Core.IncomingRequestMessage, advertisedHost: string, port: number): void {
  if (m.toTag || !m.ruri) return;
  (core.configuration as { aor: URI }).aor = new URI("sip", m.ruri.user as string, advertisedHost, port);
}
