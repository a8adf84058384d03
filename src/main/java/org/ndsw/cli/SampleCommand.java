package org.ndsw.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.pycls.PyclsConfigs;
import org.ndsw.pycls.PyclsYaml;
import org.ndsw.app.space.SamplingService;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.SpecJson;
import org.ndsw.space.StageSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw sample`: draws models uniformly from a space and prints them as JSON Lines. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Draw models uniformly from a design space as JSON Lines.", "",
            "Each line is {\"space\", \"net\", \"flops\", \"params\", \"acts\"}. Complexity bounds are inclusive"
                + " and take raw counts or suffixed values (855770, 0.856M, 0.129B). The number of candidates drawn"
                + " goes to stderr. --format pycls prints pycls configs instead (docs/pycls.md).", ""})
final class SampleCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME|FILE", description = "A built-in space name or a design space file.")
    String space;

    @Option(names = {"-n", "--count"}, required = true, description = "Number of models to draw.")
    int n;

    @Option(names = "--seed", required = true, description = "Random seed; the same seed gives the same models.")
    long seed;

    @Option(names = "--min-params", converter = CountConverter.class, description = "Smallest params kept.")
    Long minParams;

    @Option(names = "--max-params", converter = CountConverter.class, description = "Largest params kept.")
    Long maxParams;

    @Option(names = "--min-flops", converter = CountConverter.class, description = "Smallest flops kept.")
    Long minFlops;

    @Option(names = "--max-flops", converter = CountConverter.class, description = "Largest flops kept.")
    Long maxFlops;

    @Option(names = "--unique", description = "Skip models drawn before (distinct canonical nets).")
    boolean unique;

    @Option(names = "--convention",
            description = "Flops convention: nds (released data) or macs (pycls). Default: macs for the AnyNetX"
                    + " and RegNet spaces (counted on 224x224), nds for the others (on CIFAR-10's 32x32).")
    String convention;

    @Option(names = "--max-draws", defaultValue = "" + SamplingService.DEFAULT_MAX_DRAWS,
            description = "Give up after drawing this many candidates. Default: ${DEFAULT-VALUE}.")
    long maxDraws;

    @Option(names = "--format", defaultValue = "nds", paramLabel = "nds|pycls",
            description = "nds: records as above; pycls: one pycls config a line (JSON form of its keys), or YAML"
                    + " files with --out (stage-wise spaces only; docs/pycls.md). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "With --format pycls: write SPACE-N.yaml files here.")
    Path outDir;

    @Override
    public void run() {
        Window window = new Window(orElse(minParams, 0L), orElse(maxParams, Long.MAX_VALUE),
                orElse(minFlops, 0L), orElse(maxFlops, Long.MAX_VALUE));
        boolean asPycls = switch (format) {
            case "nds" -> false;
            case "pycls" -> true;
            default -> throw new NdswException("--format must be nds or pycls, got " + Quote.of(format));
        };
        if (outDir != null && !asPycls) {
            throw new NdswException("--out writes YAML files and needs --format pycls");
        }
        DesignSpace resolved = BuiltinSpaces.resolve(space);
        if (asPycls) {
            PyclsConfigs.requireStageWise(resolved);
        }
        StageSpace.Pycls pycls = resolved.pyclsInput();
        Convention conv = Convention.parse(convention != null ? convention : pycls != null ? "macs" : "nds");
        SamplingService.Request req = new SamplingService.Request(resolved, n, seed, window, conv, unique, maxDraws);
        SamplingService.Result res = SamplingService.sample(req);
        PrintWriter out = spec.commandLine().getOut();
        if (asPycls) {
            writePycls(resolved, res, out);
        }
        for (SamplingService.Sample s : asPycls ? List.<SamplingService.Sample>of() : res.samples()) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("space", s.space());
            o.set("net", SpecJson.toJson(s.spec()));
            o.put("flops", s.complexity().flops());
            o.put("params", s.complexity().params());
            o.put("acts", s.complexity().acts());
            if (pycls != null) {
                o.put("im_size", pycls.imageSize());
                o.put("convention", conv.cliName());
            }
            out.println(Json.line(o));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("sampled " + res.samples().size() + " models from " + req.space().name() + " (" + res.drawn()
                + " candidates drawn)");
        err.flush();
    }

    private void writePycls(DesignSpace resolved, SamplingService.Result res, PrintWriter out) {
        List<ObjectNode> configs = res.samples().stream()
                .map(s -> PyclsConfigs.ofSample(resolved, s.spec())).toList();
        if (outDir == null) {
            configs.forEach(c -> out.println(Json.line(c)));
            return;
        }
        List<String> names = IntStream.range(0, configs.size())
                .mapToObj(i -> String.format(Locale.ROOT, "%s-%04d", resolved.name(), i + 1)).toList();
        List<Path> files = PyclsYaml.writeFiles(outDir, names, configs);
        out.println("wrote " + files.size() + " pycls configs to " + outDir);
    }

    private static long orElse(Long v, long fallback) {
        return v == null ? fallback : v;
    }
}
