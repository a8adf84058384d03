package org.ndsw.bench.wholerun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The processor a benchmark ran on, from /proc/cpuinfo (Linux): the model line, the CPU family and whether it has
 * AVX-512 (the `avx512f` flag), which decides the kernels PyTorch, oneDNN and OpenBLAS pick.
 *
 * @param model the first "model name" line, e.g. "AMD EPYC", or "unknown"
 * @param family the first "cpu family", or -1
 * @param avx512 true if the flags list avx512f
 * @param avx2 true if the flags list avx2
 * @param processors logical processors this JVM sees
 */
public record CpuInfo(String model, int family, boolean avx512, boolean avx2, int processors) {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    /** This machine's processor; "unknown" fields when /proc/cpuinfo is not readable. */
    public static CpuInfo current() {
        String text;
        try {
            text = Files.isReadable(CPUINFO) ? Files.readString(CPUINFO) : "";
        } catch (IOException e) {
            text = "";
        }
        return parse(text, Runtime.getRuntime().availableProcessors());
    }

    /** Parses the text of /proc/cpuinfo (the first processor's block decides). */
    public static CpuInfo parse(String cpuinfo, int processors) {
        String model = field(cpuinfo, "model name");
        String family = field(cpuinfo, "cpu family");
        String flags = field(cpuinfo, "flags");
        var set = Arrays.asList((flags == null ? "" : flags).split("\\s+"));
        return new CpuInfo(model == null ? "unknown" : model, number(family), set.contains("avx512f"),
                set.contains("avx2"), processors);
    }

    private static int number(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The value of the first "key : value" line with this key, or null. */
    private static String field(String text, String key) {
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The OpenBLAS core type packaging/bin/ndsw sets for the DL4J engine (decision 0007), or null. */
    String openBlasCoreType() {
        return avx512 ? "SkylakeX" : avx2 ? "Haswell" : null;
    }

    /** One line for reports: "AMD EPYC (family 26), 2 processors, AVX-512 yes". */
    public String describe() {
        return String.format(Locale.ROOT, "%s (family %d), %d processors, AVX-512 %s", model, family,
                processors, avx512 ? "yes" : "no");
    }
}
