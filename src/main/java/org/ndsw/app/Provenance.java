package org.ndsw.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a piece of data came from: the ndsw, Java and OS versions that wrote it (stored with sweeps and runs). */
public final class Provenance {
    private Provenance() {}

    /** The version of this build ("development build" when not run from the jar). */
    public static String appVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return "ndsw " + (v == null ? "(development build)" : v);
    }

    /** A JSON object {"app", "java", "os", "action"}. */
    public static ObjectNode of(String action) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("app", appVersion());
        o.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        o.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        o.put("action", action);
        return o;
    }
}
