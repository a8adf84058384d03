package org.ndsw.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.complexity.AnyNetComplexity;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.PyclsConfig;
import org.ndsw.pycls.PyclsYaml;
import org.ndsw.space.SpecJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw complexity`: flops, params and acts of every net or pycls AnyNet/RegNet config in a JSON Lines stream. */
@Command(name = "complexity", mixinStandardHelpOptions = true,
        description = {"Count flops, params and acts of the nets in a JSON Lines stream.", "",
            "Each input line is an NDS record with \"net\" or a bare net object of either family (counted on the"
                + " built network, CIFAR-10; a `ndsw sample` line of an AnyNetX or RegNet space, named by its"
                + " \"space\", on that space's input), or a pycls AnyNet or RegNet config in JSON form: an object with a"
                + " \"MODEL\" section, e.g. {\"MODEL\": {\"TYPE\": \"regnet\", \"NUM_CLASSES\": 1000},"
                + " \"REGNET\": {\"DEPTH\": 13, \"W0\": 24, \"WA\": 36.44, \"WM\": 2.49, \"GROUP_W\": 8},"
                + " \"TRAIN\": {\"IM_SIZE\": 224}} (counted at TRAIN.IM_SIZE; missing keys take pycls's defaults)."
                + " A FILE ending in .yaml or .yml is one pycls YAML config (docs/pycls.md)."
                + " Each output line is {\"flops\", \"params\", \"acts\"}, in order. Blank lines are skipped. A"
                + " bad line stops with an error naming its line number and field.", ""})
final class ComplexityCommand implements Runnable {
    /** Python writes NaN and Infinity as bare tokens in NDS records; accept them. */
    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth((int) Domains.JSON_DEPTH.max()).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE|-", arity = "0..1", defaultValue = "-",
            description = "JSON Lines file or pycls YAML config (.yaml, .yml); - or nothing reads standard input.")
    String file;

    @Option(names = "--convention", defaultValue = "nds",
            description = "Flops convention: nds (released data) or macs (pycls). Default: ${DEFAULT-VALUE}.")
    String convention;

    @Override
    public void run() {
        Convention conv = Convention.parse(convention);
        String source = "-".equals(file) ? "<stdin>" : file;
        PrintWriter out = spec.commandLine().getOut();
        if (!"-".equals(file) && PyclsYaml.isYaml(Path.of(file))) {
            for (PyclsYaml.Located c : PyclsYaml.read(Path.of(file))) {
                print(out, pycls(c.config(), conv, c.where() + ": "));
            }
            out.flush();
            return;
        }
        try (BufferedReader in = open()) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                print(out, count(line, conv, source, number));
            }
        } catch (IOException e) {
            throw new NdswException(source + ": cannot read: " + e.getMessage(), e);
        } finally {
            out.flush();
        }
    }

    private static void print(PrintWriter out, Complexity c) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("flops", c.flops());
        o.put("params", c.params());
        o.put("acts", c.acts());
        out.println(Json.line(o));
    }

    private static Complexity pycls(JsonNode config, Convention conv, String where) {
        try {
            PyclsConfig cfg = PyclsConfig.parse(config);
            return AnyNetComplexity.of(cfg.net(), cfg.imageSize(), conv);
        } catch (NdswException e) {
            throw new NdswException(where + e.getMessage(), e);
        }
    }

    private BufferedReader open() throws IOException {
        if ("-".equals(file)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NdswException(file + ": no such file");
        }
    }

    private static Complexity count(String line, Convention conv, String source, int number) {
        String where = source + ":" + number + ": ";
        JsonNode node;
        try {
            node = READER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new NdswException(where + "not valid JSON: " + Quote.cut(e.getOriginalMessage()), e);
        }
        if (node == null || !node.isObject()) {
            throw new NdswException(where + "expected a JSON object (a record with \"net\" or a net), got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
        }
        JsonNode net = node.has("net") ? node.get("net") : node;
        if (node.has("MODEL")) {
            return pycls(node, conv, where);
        }
        try {
            java.util.Optional<org.ndsw.space.DesignSpace> space = node.has("net") && node.path("space").isTextual()
                    ? org.ndsw.space.BuiltinSpaces.find(node.get("space").textValue()) : java.util.Optional.empty();
            if (space.isPresent() && space.get().pyclsInput() != null) {
                return Complexities.of(space.get(), SpecJson.parseNet(net), conv);
            }
            return Complexities.cifarFromGraph(SpecJson.parseNet(net), conv);
        } catch (NdswException e) {
            throw new NdswException(where + e.getMessage(), e);
        }
    }
}
