package org.ndsw.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the networks that crashed PyTorch's oneDNN natively (decision 0011) again and again in child JVMs, with
 * glibc's heap checks on, and counts every exit that is neither success (0) nor a reported error (1), and every JVM
 * crash log. The target is none.
 */
@Tag("slow")
class TrainingStressTest {
    /** Runs of the child JVM. */
    static final int RUNS = 50;
    /** The width-8 ResNet with a strided 1x1 projection on 8 channels, and a DARTS net with FactorizedReduce. */
    static final List<String> NETS = List.of(
            "{\"block_type\":\"res_basic_block\",\"ds\":[1,2,2,1],\"ss\":[1,1,2,2],\"ws\":[8,16,8,8]}",
            "{\"block_type\":\"res_bottleneck_block\",\"ds\":[1,1,1],\"ss\":[1,2,2],\"ws\":[12,20,20],"
                    + "\"bot_muls\":[1,1,1],\"num_gs\":[1,1,1]}");

    @TempDir Path dir;

    @Test
    void crashCasesNeverCrash() throws IOException, InterruptedException {
        Path data = TinyCifar.pngFolders(dir.resolve("data"), 200, 100);
        Path malloc = Path.of("/lib/x86_64-linux-gnu/libc_malloc_debug.so.0");
        Map<Integer, Integer> exits = new TreeMap<>();
        List<String> crashes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Path work = Files.createDirectories(dir.resolve("run" + i));
            String net = NETS.get(i % NETS.size());
            String threads = Integer.toString(1 + (i / NETS.size()) % 2);
            ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx1g", "-Djava.awt.headless=true",
                    "-Dai.djl.offline=true", "-Dndsw.selftest.cache=" + dir.resolve("selftest"),
                    "-cp", System.getProperty("java.class.path"), "org.ndsw.cli.Main", "train", "--net", net,
                    "--data", data.toString(), "--epochs", "1", "--batch", "10", "--train-subset", "200",
                    "--test-subset", "100", "--threads", threads, "--out", work.resolve("run.json").toString())
                    .directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("out.log").toFile());
            if (Files.exists(malloc)) {
                pb.environment().put("LD_PRELOAD", malloc.toString());
                pb.environment().put("MALLOC_CHECK_", "3");
            }
            pb.environment().put("MALLOC_PERTURB_", "165");
            int code = pb.start().waitFor();
            exits.merge(code, 1, Integer::sum);
            try (Stream<Path> files = Files.list(work)) {
                files.filter(f -> f.getFileName().toString().startsWith("hs_err")).forEach(f -> crashes.add(f.toString()));
            }
            if (code != 0 && code != 1) {
                crashes.add("run " + i + " (" + net + ", " + threads + " threads) exited " + code + ": "
                        + Files.readString(work.resolve("out.log")));
            }
        }
        assertEquals(List.of(), crashes, "exit codes " + exits);
        assertEquals(Map.of(0, RUNS), exits, "every run trains");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
