package org.ndsw.train;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts about the machine and build a run records for provenance. */
final class RunHost {
    private RunHost() {}

    /** Host name, OS, architecture, processors and Java runtime. */
    static Map<String, String> facts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", hostName());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        m.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return m;
    }

    /** The application version from the jar manifest, or "development build". */
    static String ndswVersion() {
        String v = RunHost.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
