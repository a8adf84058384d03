package org.ndsw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.analysis.AnalysisOptions;
import org.ndsw.analysis.Analyzer;
import org.ndsw.analysis.ParameterRange;
import org.ndsw.app.analysis.AnalysisSet;
import org.ndsw.app.analysis.AnalysisSets;
import org.ndsw.app.space.RefineRules;
import org.ndsw.app.space.Refinement;
import org.ndsw.catalog.Catalog;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.Constraints;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.StageSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ndsw space refine}: a child design space, the parent narrowed by value rules and relations across stages. */
@Command(name = "refine", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a child design space: the parent narrowed by value rules and relations across stages.",
            "The child file records its parent and its constraints (format ndsw-space/2); its exact size is printed."
                + " PARAM is a stage field, depth, width, bottleneck_ratio or groups (group_width reads as groups),"
                + " for every stage or for a stage list such as depth[1,2], or a per-stage parameter of `ndsw analyze`:"
                + " net.ds[i], net.ws[i], net.num_gs[i], net.bot_muls[i] (bottleneck multipliers 1/b, turned into"
                + " ratios b). Stage-wise spaces only."},
        footer = {"%nExample: ndsw space refine ResNet --name ResNet-narrow --range 'net.ds[1]=1:4'."
                + " See docs/design-space-format.md#refining-a-space."})
final class SpaceRefineCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PARENT", description = "A built-in space name or a design space file.")
    String parent;

    @Option(names = "--name", required = true, paramLabel = "CHILD", description = "The child space's name.")
    String name;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the child. Default: ~/.ndsw/spaces/CHILD.json (where the GUI lists spaces).")
    Path out;

    @Option(names = "--range", paramLabel = "PARAM=LO:HI",
            description = "Keep values in [LO, HI]; one end may be left out (LO: or :HI). Repeatable.")
    List<String> ranges = new ArrayList<>();

    @Option(names = "--values", paramLabel = "PARAM=a,b,c", description = "Keep only these values. Repeatable.")
    List<String> values = new ArrayList<>();

    @Option(names = "--from-analysis", paramLabel = "SET",
            description = "Take the good range of --param from `ndsw analyze SET` (defaults) as a range rule.")
    String analysisSet;

    @Option(names = "--param", paramLabel = "NAME",
            description = "With --from-analysis: the analysed per-stage parameter, e.g. net.ds[1].")
    String analysisParam;

    @Mixin CatalogOption catalog;

    @Option(names = "--shared-b", description = "All stages share one bottleneck ratio b.")
    boolean sharedB;

    @Option(names = "--shared-g", description = "All stages share one groups value g.")
    boolean sharedG;

    @Option(names = "--non-decreasing-widths", description = "Widths never shrink from one stage to the next.")
    boolean widths;

    @Option(names = "--non-decreasing-depths", description = "Depths never shrink from one stage to the next.")
    boolean depths;

    @Option(names = "--replace", description = "Replace FILE if it exists (otherwise an existing file is refused).")
    boolean replace;

    @Override
    public void run() {
        DesignSpace p = BuiltinSpaces.resolve(parent);
        List<Constraints.ValueRule> rules = new ArrayList<>();
        ranges.forEach(r -> rules.add(checked(p, RefineRules.range(r, "--range"), "--range " + Quote.of(r))));
        values.forEach(v -> rules.add(checked(p, RefineRules.values(v, "--values"), "--values " + Quote.of(v))));
        if (analysisSet != null || analysisParam != null) {
            rules.add(checked(p, fromAnalysis(), "--from-analysis " + Quote.of(analysisSet)));
        }
        List<Constraints.Relation> relations = relations();
        StageSpace child = Refinement.child(p, name, rules, relations);
        Path file = out != null ? out : Refinement.defaultFolder().resolve(fileName(name.trim()));
        if (!replace && java.nio.file.Files.exists(file)) {
            throw new NdswException(file + ": a file of that name exists and was left as it was; pass --replace to"
                    + " replace it, or choose another --out or --name");
        }
        Refinement.Child c = Refinement.write(child, file, replace);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %s: %s, %,d models (parent %s: %s)%n", file, child.name(), c.size(), p.name(),
                SpaceCommand.sizeText(p));
        o.printf(Locale.ROOT, "constraints added: %s%n", Refinement.describe(rules, relations));
        o.flush();
    }

    /** The rule, once the parent alone narrowed by it is a valid space; else the error names `what`. */
    private static Constraints.ValueRule checked(DesignSpace p, Constraints.ValueRule rule, String what) {
        if (p instanceof StageSpace) {
            try {
                Refinement.child(p, "check", List.of(rule), List.of());
            } catch (NdswException e) {
                throw new NdswException(what + ": " + e.getMessage());
            }
        }
        return rule;
    }

    private List<Constraints.Relation> relations() {
        List<Constraints.Relation> r = new ArrayList<>();
        if (sharedB) {
            r.add(Refinement.Relation.SHARED_B.relation());
        }
        if (sharedG) {
            r.add(Refinement.Relation.SHARED_G.relation());
        }
        if (widths) {
            r.add(Refinement.Relation.WIDTHS.relation());
        }
        if (depths) {
            r.add(Refinement.Relation.DEPTHS.relation());
        }
        return r;
    }

    /** The good range of --param in the exact analysis of --from-analysis, as a value rule. */
    private Constraints.ValueRule fromAnalysis() {
        if (analysisSet == null || analysisParam == null) {
            throw new NdswException("--from-analysis and --param go together: give both, e.g. --from-analysis"
                    + " catalog:my-sweep --param 'net.ds[1]'");
        }
        if (Refinement.param(analysisParam) == null) {
            try {
                Refinement.rule(analysisParam, 0, 0); // throws, naming what to pick instead
            } catch (NdswException e) {
                throw new NdswException("--param " + Quote.of(analysisParam) + ": " + e.getMessage());
            }
        }
        AnalysisSet set;
        try (Catalog opened = AnalysisSets.needsCatalog(analysisSet) ? catalog.open() : null) {
            set = AnalysisSets.read(analysisSet, opened);
        }
        if (set.models().isEmpty()) {
            throw new NdswException("--from-analysis " + Quote.of(analysisSet) + ": the set has no models with an"
                    + " error to analyse");
        }
        ParameterRange range = Analyzer.analyze(set.label(), set.models(), AnalysisOptions.DEFAULTS).parameters()
                .stream().filter(q -> q.name().equals(analysisParam)).findFirst()
                .orElseThrow(() -> new NdswException("--param " + Quote.of(analysisParam) + ": set "
                        + Quote.of(set.label()) + " has no such parameter (see `ndsw analyze " + analysisSet + "`)"));
        double[] g = range.good();
        return Refinement.rule(analysisParam, g[0], g[2]);
    }

    private static String fileName(String child) {
        if (child.contains("/") || child.contains("\\") || child.startsWith(".")) {
            throw new NdswException("--name " + Quote.of(child) + " cannot name a file in ~/.ndsw/spaces: give --out"
                    + " FILE, or a name without / \\ or a leading dot");
        }
        return child + ".json";
    }
}
