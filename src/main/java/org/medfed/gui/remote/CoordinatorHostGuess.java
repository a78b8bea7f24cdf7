package org.medfed.gui.remote;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A first guess of the name the hospitals' nodes reach this computer by, for the kits' coordinator address: its full
 * name when it has one, else an address of its network. A short name ("vm") is what the computer calls itself, which
 * other networks cannot resolve.
 */
final class CoordinatorHostGuess {

    private CoordinatorHostGuess() {
    }

    /** This computer's guess; "localhost" when nothing better is known. */
    static String ofThisComputer() {
        String name;
        try {
            name = InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.io.IOException | RuntimeException e) {
            name = "localhost";
        }
        List<String> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        addresses.add(a.getHostAddress());
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no addresses: the name stands
        }
        return choose(name, addresses);
    }

    /** A name with a domain, else the first network address, else the name as it is. */
    static String choose(String canonicalName, List<String> ipv4Addresses) {
        if (canonicalName.contains(".") || ipv4Addresses.isEmpty()) {
            return canonicalName;
        }
        return ipv4Addresses.get(0);
    }
}
