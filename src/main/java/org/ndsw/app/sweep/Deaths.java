package org.ndsw.app.sweep;

import java.util.Locale;

/** Why a worker process ended without recording its run, from its exit code and log tail. */
final class Deaths {
    private Deaths() {}

    /** A one-line reason: out of memory, killed by a signal, or an exit code. */
    static String reason(int code, String tail) {
        if (isOutOfMemory(tail)) {
            return "out of memory (worker exit code " + code + "); raise --worker-heap";
        }
        if (code > 128) {
            int signal = code - 128;
            String name = switch (signal) {
                case 9 -> ", killed (SIGKILL; out of system memory?)";
                case 15 -> ", terminated (SIGTERM)";
                case 6 -> ", aborted (SIGABRT; a native crash?)";
                case 11 -> ", segmentation fault (a native crash)";
                default -> "";
            };
            return String.format(Locale.ROOT, "worker died (exit code %d, signal %d%s)", code, signal, name);
        }
        return "worker exited with code " + code;
    }

    /** True if the log shows the JVM ran out of heap. */
    static boolean isOutOfMemory(String tail) {
        return tail.contains("OutOfMemoryError") || tail.contains("out of memory:");
    }
}
