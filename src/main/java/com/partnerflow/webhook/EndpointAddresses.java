package com.partnerflow.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may go (docs/security.md, «Webhooks»). A partner is an outsider: a URL of theirs must not make the
 * server call itself, the vendor's internal network or a cloud's metadata service. Checked when an endpoint is
 * registered or changed, and again before every attempt, since the name may resolve elsewhere by then.
 * <p>
 * Always refused: anything but http(s), user info in the URL, link-local (169.254.0.0/16, fe80::/10, so the metadata
 * service 169.254.169.254), multicast and the unspecified address. Refused unless
 * {@code partnerflow.webhooks.allow-private-addresses}: plain http, loopback, private networks (10/8, 172.16/12,
 * 192.168/16, fc00::/7) and the carrier-grade NAT range 100.64/10.
 */
@Component
class EndpointAddresses {

    /** Resolves a host name to all its addresses; a seam for tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    EndpointAddresses(WebhookSettings settings) {
        this(settings.allowPrivateAddresses(), InetAddress::getAllByName);
    }

    EndpointAddresses(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why the server will not call {@code url}, in Russian; empty when it may. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            return Optional.of("Неверный адрес: ожидается https://…");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of("Адрес должен начинаться с https://.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("Неверный адрес: укажите https://хост/путь, без имени пользователя, пароля и «#».");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException unknown) {
            return Optional.of("Хост " + uri.getHost() + " не найден в DNS.");
        }
        for (InetAddress address : addresses) {
            if (alwaysRefused(address) || (!allowPrivate && internal(address))) {
                return Optional.of("Адрес " + uri.getHost() + " ведет во внутреннюю сеть (" + address.getHostAddress()
                        + "): вебхуки отправляются только на публичные адреса.");
            }
        }
        return Optional.empty();
    }

    private static boolean alwaysRefused(InetAddress address) {
        return address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()
                || embeddedIpv4(address).map(EndpointAddresses::alwaysRefused).orElse(false);
    }

    private static boolean internal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address.isLoopbackAddress() || address.isSiteLocalAddress()) {
            return true;
        }
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128);
        }
        return (bytes[0] & 0xfe) == 0xfc || embeddedIpv4(address).map(EndpointAddresses::internal).orElse(false);
    }

    /** The IPv4 address inside an IPv4-compatible or -mapped IPv6 one (::127.0.0.1, ::ffff:10.0.0.1). */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return Optional.empty();
            }
        }
        boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        if (!mapped && (bytes[10] != 0 || bytes[11] != 0)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }
}
