package org.ndsw.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ndsw.NdswException;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.Sampler;
import org.ndsw.train.Device;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.dl4j.CrossEngineCheck;
import org.ndsw.train.reference.ReferenceEngine;
import org.ndsw.train.selftest.SelfTest;
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
            description = {"Check that the DJL and DL4J engines compute the same logits from the same weights.",
                "Loads the same weights (through the .npz weights format) into the DJL and DL4J models of",
                "random specs and compares their logits on the same random batch in inference mode. Prints the max",
                "relative logit difference (max |a-b| / max |a|) of the two engines and of each against a double-precision",
                "reference, and both trainable-parameter counts per spec. Both engines first pass their known-answer",
                "self-test, whose choice is printed; exits with 1 if a self-test refuses, any difference is",
                CrossEngineCheck.TOLERANCE + " or more or the counts differ."})
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

        /** One checked spec: DJL against DL4J, and each against the double-precision reference. */
        record Row(String space, CrossEngineCheck.Result result, double djlReference, double dl4jReference) {
            boolean ok() {
                return result.ok() && djlReference < CrossEngineCheck.TOLERANCE
                        && dl4jReference < CrossEngineCheck.TOLERANCE;
            }
        }

        @Override
        public Integer call() {
            List<DesignSpace> spaces = space == null ? BuiltinSpaces.all() : List.of(BuiltinSpaces.resolve(space));
            EngineOptions options = new EngineOptions(Device.CPU, threads);
            TrainingEngine djl = TrainingEngines.find("djl");
            TrainingEngine dl4j = TrainingEngines.find("dl4j");
            TrainingEngine reference = new ReferenceEngine();
            SelfTest selfTest = SelfTest.standard();
            PrintWriter out = spec.commandLine().getOut();
            List<Row> rows = new ArrayList<>();
            Map<String, SelfTest.Outcome> outcomes = new LinkedHashMap<>();
            Map<String, String> refused = new LinkedHashMap<>();
            boolean ok = true;
            for (DesignSpace s : spaces) {
                List<ModelSpec> specs = Sampler.sample(s, count, seed, false,
                        m -> Complexities.cifar(m, Convention.NDS).flops() <= maxFlops, 100_000,
                        "flops <= " + maxFlops).models();
                for (int i = 0; i < specs.size(); i++) {
                    Graph graph = Networks.cifar(specs.get(i));
                    TrainingEngine a = verified(selfTest, djl, graph, options, outcomes, refused, out);
                    TrainingEngine b = verified(selfTest, dl4j, graph, options, outcomes, refused, out);
                    if (a == null || b == null) {
                        ok = false;
                        continue;
                    }
                    long specSeed = seed + i;
                    Row row = new Row(s.name(), new CrossEngineCheck(a, b, options).check(specs.get(i), batch, specSeed),
                            new CrossEngineCheck(reference, a, options).check(specs.get(i), batch, specSeed).maxRelDiff(),
                            new CrossEngineCheck(reference, b, options).check(specs.get(i), batch, specSeed).maxRelDiff());
                    rows.add(row);
                    if (!json) {
                        out.println(text(row));
                        out.flush();
                    }
                }
            }
            ok &= rows.stream().allMatch(Row::ok);
            if (json) {
                out.println(Json.pretty(toJson(rows, outcomes, refused, ok)));
            } else {
                outcomes.values().forEach(o -> out.println(o.summary()));
                out.println((ok ? "ok: " : "FAILED: ") + rows.stream().filter(Row::ok).count() + " of "
                        + rows.size() + " specs agree");
            }
            out.flush();
            return ok ? 0 : 1;
        }

        /** The engine's configuration that passes its self-test on this graph, or null (the reason is printed). */
        private TrainingEngine verified(SelfTest selfTest, TrainingEngine engine, Graph graph, EngineOptions options,
                Map<String, SelfTest.Outcome> outcomes, Map<String, String> refused, PrintWriter out) {
            if (refused.containsKey(engine.name())) {
                return null;
            }
            try {
                SelfTest.Outcome o = selfTest.verify(engine, graph, options);
                SelfTest.Outcome before = outcomes.get(engine.name());
                if (before == null || o.fellBack()) {
                    outcomes.put(engine.name(), o);
                }
                return o.chosen();
            } catch (NdswException e) {
                refused.put(engine.name(), e.getMessage());
                if (!json) {
                    out.println(engine.name() + ": " + e.getMessage());
                }
                return null;
            }
        }

        private static String text(Row r) {
            CrossEngineCheck.Result x = r.result();
            return String.format(Locale.ROOT, "%-10s djl-dl4j %.2e  djl-reference %.2e  dl4j-reference %.2e"
                    + "  params djl %,d dl4j %,d  %s", r.space(), x.maxRelDiff(), r.djlReference(), r.dl4jReference(),
                    x.paramsReference(), x.paramsCandidate(), r.ok() ? "ok" : "DIFFERENT");
        }

        private static ObjectNode toJson(List<Row> rows, Map<String, SelfTest.Outcome> outcomes,
                Map<String, String> refused, boolean ok) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            ArrayNode a = o.putArray("specs");
            for (Row r : rows) {
                ObjectNode e = a.addObject();
                e.put("space", r.space());
                e.put("max_rel_diff", r.result().maxRelDiff());
                e.put("max_rel_diff_djl_reference", r.djlReference());
                e.put("max_rel_diff_dl4j_reference", r.dl4jReference());
                e.put("params_djl", r.result().paramsReference());
                e.put("params_dl4j", r.result().paramsCandidate());
            }
            ArrayNode st = o.putArray("self_test");
            outcomes.forEach((engine, out) -> {
                SelfTest.Attempt last = out.attempts().get(out.attempts().size() - 1);
                ObjectNode e = st.addObject();
                e.put("engine", engine);
                e.put("passed", true);
                e.put("configuration", last.configuration());
                e.put("cases", last.cases());
                e.put("fell_back", out.fellBack());
                e.put("summary", out.summary());
            });
            refused.forEach((engine, message) -> {
                ObjectNode e = st.addObject();
                e.put("engine", engine);
                e.put("passed", false);
                e.put("summary", message);
            });
            o.put("ok", ok);
            return o;
        }
    }
}
