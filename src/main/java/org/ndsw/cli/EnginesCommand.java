package org.ndsw.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.Sampler;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.dl4j.CrossEngineCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw engines`: the training engines on this installation, and the check that DJL and DL4J agree. */
@Command(name = "engines", mixinStandardHelpOptions = true, description = "List the training engines or check them.",
        subcommands = {EnginesCommand.Check.class, CommandLine.HelpCommand.class})
final class EnginesCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (TrainingEngine e : TrainingEngines.all()) {
            out.println(e.name() + (e.name().equals(TrainingEngines.DEFAULT) ? " (default)" : ""));
        }
        out.flush();
    }

    /** `ndsw engines check`: same weights into DJL and DL4J, logits compared in inference mode. */
    @Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Load the same weights (through the .npz weights format) into the DJL and DL4J models of",
                "random specs and compare their logits on the same random batch in inference mode. Prints the max",
                "relative logit difference (max |a-b| / max |a|) and both trainable-parameter counts per spec; exits",
                "with 1 if any spec differs by " + CrossEngineCheck.TOLERANCE + " or more or the counts differ."})
    static final class Check implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--space", paramLabel = "NAME", description = "Only this built-in space. Default: all ten.")
        String space;

        @Option(names = {"-n", "--count"}, defaultValue = "1", description = "Specs per space. Default: ${DEFAULT-VALUE}.")
        int count;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of specs, weights and images. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--max-flops", defaultValue = "200000000", converter = CountConverter.class,
                description = "Largest flops of a sampled spec (keeps the check quick). Default: ${DEFAULT-VALUE}.")
        long maxFlops;

        @Option(names = "--batch", defaultValue = "4", description = "Images in the batch. Default: ${DEFAULT-VALUE}.")
        int batch;

        @Option(names = "--threads", defaultValue = "2", description = "Compute threads. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Option(names = "--json", description = "Print JSON: {\"specs\": [{space, max_rel_diff, params_djl, params_dl4j}], \"ok\"}.")
        boolean json;

        /** One checked spec. */
        record Row(String space, CrossEngineCheck.Result result) {}

        @Override
        public Integer call() {
            List<DesignSpace> spaces = space == null ? BuiltinSpaces.all() : List.of(BuiltinSpaces.resolve(space));
            CrossEngineCheck check = new CrossEngineCheck(threads);
            PrintWriter out = spec.commandLine().getOut();
            List<Row> rows = new ArrayList<>();
            for (DesignSpace s : spaces) {
                List<ModelSpec> specs = Sampler.sample(s, count, seed, false,
                        m -> Complexities.cifar(m, Convention.NDS).flops() <= maxFlops, 100_000,
                        "flops <= " + maxFlops).models();
                for (int i = 0; i < specs.size(); i++) {
                    Row row = new Row(s.name(), check.check(specs.get(i), batch, seed + i));
                    rows.add(row);
                    if (!json) {
                        out.println(text(row));
                        out.flush();
                    }
                }
            }
            boolean ok = rows.stream().allMatch(r -> r.result().ok());
            out.println(json ? Json.pretty(toJson(rows, ok)) : (ok ? "ok: " : "FAILED: ") + rows.stream()
                    .filter(r -> r.result().ok()).count() + " of " + rows.size() + " specs agree");
            out.flush();
            return ok ? 0 : 1;
        }

        private static String text(Row r) {
            CrossEngineCheck.Result x = r.result();
            return String.format(Locale.ROOT, "%-10s max_rel_diff %.2e  params djl %,d dl4j %,d  %s", r.space(),
                    x.maxRelDiff(), x.paramsReference(), x.paramsCandidate(), x.ok() ? "ok" : "DIFFERENT");
        }

        private static ObjectNode toJson(List<Row> rows, boolean ok) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            ArrayNode a = o.putArray("specs");
            for (Row r : rows) {
                ObjectNode e = a.addObject();
                e.put("space", r.space());
                e.put("max_rel_diff", r.result().maxRelDiff());
                e.put("params_djl", r.result().paramsReference());
                e.put("params_dl4j", r.result().paramsCandidate());
            }
            o.put("ok", ok);
            return o;
        }
    }
}
