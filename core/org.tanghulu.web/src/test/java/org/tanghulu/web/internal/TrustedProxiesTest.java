package org.tanghulu.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tanghulu.web.internal.TrustedProxies.Origin;

class TrustedProxiesTest {

    private static final List<String> NONE = List.of();

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        TrustedProxies proxies = new TrustedProxies("10.0.0.0/8");
        assertEquals(new Origin("203.0.113.9", "http"), proxies.origin("203.0.113.9", "http",
                List.of("1.2.3.4"), List.of("https"), NONE));
        assertEquals(new Origin("127.0.0.1", "http"), new TrustedProxies().origin("127.0.0.1", "http",
                List.of("1.2.3.4"), List.of("https"), NONE));
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        TrustedProxies proxies = new TrustedProxies("10.0.0.0/8", "192.168.1.7");
        // the client wrote 6.6.6.6 itself; its real address 198.51.100.4 was appended by the first proxy
        Origin origin = proxies.origin("10.1.2.3", "http", List.of("6.6.6.6, 198.51.100.4", "192.168.1.7"),
                List.of("https"), NONE);
        assertEquals(new Origin("198.51.100.4", "https"), origin);
    }

    @Test
    void onlyTrustedHopsLeaveTheLeftMostOne() {
        TrustedProxies proxies = new TrustedProxies("10.0.0.0/8");
        assertEquals("10.9.9.9", proxies.origin("10.0.0.1", "http", List.of("10.9.9.9, 10.0.0.2"), NONE, NONE).address());
    }

    @Test
    void aHopThatIsNoAddressStopsTheWalk() {
        TrustedProxies proxies = new TrustedProxies("10.0.0.0/8");
        assertEquals("10.0.0.2", proxies.origin("10.0.0.1", "http", List.of("evil.example, 10.0.0.2"), NONE, NONE).address());
        assertEquals("10.0.0.1", proxies.origin("10.0.0.1", "http", List.of("unknown"), NONE, NONE).address());
    }

    @Test
    void cidrBlocksMatchOnTheirPrefixOnly() {
        TrustedProxies proxies = new TrustedProxies("172.16.0.0/12", "192.0.2.128/25");
        assertTrue(proxies.trusts("172.31.255.255"));
        assertFalse(proxies.trusts("172.32.0.0"));
        assertTrue(proxies.trusts("192.0.2.200"));
        assertFalse(proxies.trusts("192.0.2.127"));
        assertFalse(proxies.trusts("not-an-address"));
    }

    @Test
    void ipv6AddressesBlocksAndHopsWithPorts() {
        TrustedProxies proxies = new TrustedProxies("::1", "fd00::/8");
        assertTrue(proxies.trusts("0:0:0:0:0:0:0:1"));
        assertTrue(proxies.trusts("fd12:3456::1"));
        assertFalse(proxies.trusts("fe80::1"));
        assertFalse(proxies.trusts("127.0.0.1"), "an IPv4 address never matches an IPv6 block");
        assertEquals("2001:db8:0:0:0:0:0:7", proxies.origin("::1", "http",
                List.of("[2001:db8::7]:4711, fd00::5"), NONE, NONE).address());
        assertEquals("203.0.113.5", proxies.origin("::1", "http", List.of("203.0.113.5:1234"), NONE, NONE).address());
    }

    @Test
    void rfc7239ForwardedIsReadWithoutXForwardedFor() {
        TrustedProxies proxies = new TrustedProxies("127.0.0.1");
        Origin origin = proxies.origin("127.0.0.1", "http", NONE, NONE,
                List.of("for=198.51.100.17;proto=https, for=\"[2001:db8::1]:80\""));
        assertEquals(new Origin("2001:db8:0:0:0:0:0:1", "https"), origin);
    }

    @Test
    void onlyHttpAndHttpsAreSchemes() {
        TrustedProxies proxies = new TrustedProxies("127.0.0.1");
        assertEquals("http", proxies.origin("127.0.0.1", "http", NONE, List.of("javascript"), NONE).scheme());
        assertEquals("https", proxies.origin("127.0.0.1", "http", NONE, List.of("HTTPS"), NONE).scheme());
    }

    @Test
    void entriesThatAreNoAddressesAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("proxy.example"));
        assertTrue(e.getMessage().contains("'proxy.example'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("10.1"));
        assertTrue(new TrustedProxies(" ", "").isEmpty());
    }
}
