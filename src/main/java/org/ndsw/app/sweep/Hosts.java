package org.ndsw.app.sweep;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name, as claims record it (a pid means something only on its own host). */
final class Hosts {
    private Hosts() {}

    static String name() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
