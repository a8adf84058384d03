package org.ndsw.cli.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ndsw.NdswException;
import org.ndsw.bench.SyntheticNds;
import org.ndsw.cli.CountConverter;
import org.ndsw.complexity.Window;
import org.ndsw.space.BuiltinSpaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw bench generate`: writes a synthetic NDS-format file (real nets, synthetic errors). */
@Command(name = "generate", mixinStandardHelpOptions = true, description = {
    "Write an NDS-format file of models sampled from a space with their exact flops and params and SYNTHETIC "
    + "errors and curves (for benchmarks, tests and samples; not measurements).",
    "Same options, same bytes."})
final class BenchGenerateCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--space", required = true, description = "A built-in space name or a design space file.")
    String space;

    @Option(names = {"-n", "--records"}, required = true, description = "Records (per group).")
    int records;

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--epochs", defaultValue = "100", description = "Per-epoch curve length. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--iter-values", defaultValue = "200", description = "Per-iteration list length. Default: ${DEFAULT-VALUE}.")
    int iterValues;

    @Option(names = "--decimals", defaultValue = "-1", description = "Digits after the point; -1 keeps float32 values"
            + " in full, as pycls wrote them. Default: ${DEFAULT-VALUE}.")
    int decimals;

    @Option(names = "--groups", split = ",", description = "Write an object of groups, e.g. top,mid (a reruns file).")
    List<String> groups = List.of();

    @Option(names = "--rng-seed", defaultValue = "1", description = "The rng_seed written in records. Default: ${DEFAULT-VALUE}.")
    long rngSeed;

    @Option(names = "--max-params", converter = CountConverter.class, description = "Keep only models with at most"
            + " this many params (e.g. 0.856M).")
    Long maxParams;

    @Option(names = "--max-flops", converter = CountConverter.class, description = "Keep only models with at most"
            + " this many flops, nds convention (e.g. 0.129B).")
    Long maxFlops;

    @Option(names = "--out", required = true, description = "Output file.")
    Path out;

    @Override
    public void run() {
        Window window = new Window(0, maxParams == null ? Long.MAX_VALUE : maxParams, 0,
                maxFlops == null ? Long.MAX_VALUE : maxFlops);
        SyntheticNds.Options o = new SyntheticNds.Options(records, groups, epochs, iterValues, decimals, rngSeed, window);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            SyntheticNds.write(BuiltinSpaces.resolve(space), o, seed, os);
        } catch (IOException e) {
            throw new NdswException(out + ": cannot write: " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("wrote " + out);
        spec.commandLine().getErr().flush();
    }
}
