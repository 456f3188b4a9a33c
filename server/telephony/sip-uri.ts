import type { SipTarget } from "@/media/protocol";

/**
 * Where to send an INVITE for a user's SIP address ("sip:ann@10.0.0.7:5070;transport=tcp"): the
 * user part, host, port (5060) and transport (UDP unless it says TCP). `sips:` needs TLS, which
 * the gateway does not speak: null, like anything it cannot read.
 */
export function sipTargetOf(uri: string): { user: string; target: SipTarget } | null {
  const m = /^sip:(?:([^@;:]+)@)?(\[[0-9a-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?((?:;[^;?]*)*)(?:\?.*)?$/i.exec(uri.trim());
  if (!m) return null;
  const [, user = "", host = "", port, params = ""] = m;
  const portNo = port ? Number(port) : 5060;
  if (portNo < 1 || portNo > 65535) return null;
  const transport = /;transport=tcp\b/i.test(params) ? "tcp" : "udp";
  return { user: decodeURIComponent(user), target: { host: host.replace(/^\[|\]$/g, ""), port: portNo, transport } };
}
