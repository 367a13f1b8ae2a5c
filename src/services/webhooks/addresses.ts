import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must never reach unless the operator allows the host (SSRF guard): loopback,
 * private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
    if (mapped) return isPublicAddress(mapped[1]!);
    return !blocked.check(ip, 'ipv6');
  }
  return !blocked.check(ip, 'ipv4');
}

/** Host names that always mean this machine, whatever DNS says. */
export function isLocalHostName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal');
}

export type EndpointUrlProblem = 'not_a_url' | 'scheme' | 'credentials' | 'private_address' | 'self';

/**
 * Why an endpoint URL is refused, or null: http(s) only, no credentials in the URL, never Retour's
 * own API, and no literal private address or local name unless its host is allowed. Names are checked again at
 * send time, against what they resolve to.
 */
export function endpointUrlProblem(raw: string, allowedHosts: readonly string[], self?: { publicUrl: string; port: number }): EndpointUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not_a_url';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  // Retour's own API, under its public name or on this machine: a webhook must never call it.
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (self && (url.origin === new URL(self.publicUrl).origin || (port === self.port && (isLocalHostName(host) || (isIP(host) && !isPublicAddress(host)))))) return 'self';
  if (allowedHosts.includes(host)) return null;
  if (isIP(host) ? !isPublicAddress(host) : isLocalHostName(host)) return 'private_address';
  return null;
}
