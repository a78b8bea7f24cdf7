package org.medfed.project;

import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;
import org.medfed.engine.BadInputException;

/**
 * Where the nodes dial the coordinator: {@code HOST:PORT}, with a DNS name, an IPv4 address or a bracketed IPv6
 * address ({@code [2001:db8::1]:7443}). Parsing never touches the network: the host is only checked for form.
 */
public record CoordinatorAddress(String host, int port) {

    private static final Pattern DNS_NAME =
            Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

    public CoordinatorAddress {
        if (host == null || !(isIpv4(host) || isIpv6(host) || isDnsName(host))) {
            throw new BadInputException("'" + host + "' is not a host name or IP address");
        }
        if (port < 1 || port > 65535) {
            throw new BadInputException("port " + port + " is outside 1-65535");
        }
    }

    /** Reads {@code HOST:PORT}; the message of a refusal says what was expected. */
    public static CoordinatorAddress parse(String text) {
        String expected = "'" + text + "' is not HOST:PORT (for example coordinator.example.org:7443, "
                + "10.1.2.3:7443 or [2001:db8::1]:7443)";
        if (text == null || text.isBlank()) {
            throw new BadInputException("an empty address is not HOST:PORT (for example coordinator.example.org:7443)");
        }
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                throw new BadInputException(expected);
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
            if (!isIpv6(host)) {
                throw new BadInputException(expected + ": only an IPv6 address goes between brackets");
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || text.indexOf(':') != colon) {
                throw new BadInputException(expected);
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        if (!port.matches("\\d{1,5}")) {
            throw new BadInputException(expected + ": the port must be a number");
        }
        try {
            return new CoordinatorAddress(host, Integer.parseInt(port));
        } catch (BadInputException e) {
            throw new BadInputException(expected + ": " + e.getMessage());
        }
    }

    /** True for an IPv4 or IPv6 literal, which belongs in a certificate's IP address entry, not its DNS name. */
    public boolean isIpAddress() {
        return isIpv4(host) || isIpv6(host);
    }

    private static boolean isDnsName(String host) {
        // "10.0.0.256" has the form of a DNS name but is a mistyped address
        return host.length() <= 253 && DNS_NAME.matcher(host).matches() && !host.matches("[0-9.]+");
    }

    private static boolean isIpv4(String host) {
        return host != null && IPAddress.isValidIPv4(host);
    }

    private static boolean isIpv6(String host) {
        return host != null && IPAddress.isValidIPv6(host);
    }

    @Override
    public String toString() {
        return (isIpv6(host) ? "[" + host + "]" : host) + ":" + port;
    }
}
