/**
 * What makes a webhook URL unacceptable: not http(s), or (outside the demo and tests) a
 * host that is a loopback, private or link-local address, where a request would reach the
 * server's own network instead of a receiver on the internet. Hosts are judged as written
 * (IP literals and local names); a public name is not resolved here.
 */

const LOCAL_NAMES = /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i;

function ipv4Parts(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const numbers = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return numbers.every((n) => n >= 0 && n <= 255) ? numbers : null;
}

function ipv4Kind(parts: number[]): string | null {
  const [a, b] = parts as [number, number, number, number];
  if (a === 127) return 'a loopback address';
  if (a === 0) return 'an unspecified address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168))
    return 'a private address';
  if (a === 100 && b >= 64 && b <= 127) return 'a private (carrier-grade NAT) address';
  if (a === 169 && b === 254) return 'a link-local address';
  return null;
}

function ipv6Kind(host: string): string | null {
  const h = host.toLowerCase();
  if (h === '::1') return 'a loopback address';
  if (h === '::') return 'an unspecified address';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (mapped) {
    const parts = ipv4Parts(mapped[1]!);
    return parts ? ipv4Kind(parts) : null;
  }
  // URL writes a mapped IPv4 address in hex (::ffff:a00:1 for 10.0.0.1).
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (hex) {
    const hi = Number.parseInt(hex[1]!, 16);
    const lo = Number.parseInt(hex[2]!, 16);
    return ipv4Kind([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  if (/^fe[89ab]/.test(h)) return 'a link-local address';
  if (/^f[cd]/.test(h)) return 'a private address';
  return null;
}

/**
 * Why `url` cannot receive webhooks, or null when it can. `allowPrivate` (the demo, tests)
 * lets loopback, private and link-local hosts through; the scheme is always checked.
 *
 * @example webhookUrlProblem('ftp://example.com/x'); // 'Only http:// and https:// URLs can receive webhooks; this one is ftp:.'
 * @example webhookUrlProblem('http://10.0.0.5/hook'); // '10.0.0.5 is a private address: …'
 */
export function webhookUrlProblem(
  url: string,
  options: { allowPrivate?: boolean } = {},
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Not a URL: write it in full, e.g. https://hooks.example.com/treeline.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `Only http:// and https:// URLs can receive webhooks; this one is ${parsed.protocol}.`;
  }
  if (options.allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const v4 = ipv4Parts(host);
  const kind = v4
    ? ipv4Kind(v4)
    : host.includes(':')
      ? ipv6Kind(host)
      : LOCAL_NAMES.test(host)
        ? 'a local name'
        : null;
  if (!kind) return null;
  return `${host} is ${kind}: webhooks go to receivers reachable on the internet, never into the server's own network.`;
}
