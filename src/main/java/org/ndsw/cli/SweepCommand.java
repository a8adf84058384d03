package org.ndsw.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ndsw.app.sweep.ClusterWorker;
import org.ndsw.app.sweep.DefinitionJson;
import org.ndsw.app.sweep.SweepDefinition;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.app.sweep.SweepWorker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw sweep`: create, run, watch, stop and export sweeps ndsw trains itself. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Sample a population of models from a design space and train it with K worker processes.",
            "Interrupted runs resume from their checkpoints. Workflow: sweep create, sweep run, sweep status,",
            "then `ndsw compare catalog:NAME`."},
        subcommands = {SweepCreateCommand.class, SweepRunCommand.class, SweepStatusCommand.class,
            SweepCommand.Stop.class, SweepCommand.Export.class, SweepCommand.Import.class, SweepCommand.Worker.class,
            SweepClusterCommands.Plan.class, SweepClusterCommands.Collect.class,
            CommandLine.HelpCommand.class})
final class SweepCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** `ndsw sweep stop NAME`. */
    @Command(name = "stop", mixinStandardHelpOptions = true, description = {"Ask every process running the sweep to"
        + " stop: workers finish their current epoch, checkpoint and exit; the runs stay in the queue."})
    static final class Stop implements Runnable {
        @Spec CommandSpec spec;
        @Mixin CatalogOption catalog;
        @Parameters(paramLabel = "NAME", description = "The sweep.") String name;

        @Override
        public void run() {
            new SweepService(catalog.path()).requestStop(name);
            PrintWriter out = spec.commandLine().getOut();
            out.println("stop requested for sweep " + name + "; running workers finish their epoch and exit"
                    + " (resume with `ndsw sweep run " + name + "`)");
            out.flush();
        }
    }

    /** `ndsw sweep export NAME --out FILE`. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the sweep's definition as JSON.")
    static final class Export implements Runnable {
        @Spec CommandSpec spec;
        @Mixin CatalogOption catalog;
        @Parameters(paramLabel = "NAME", description = "The sweep.") String name;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The definition file.") Path out;

        @Override
        public void run() {
            DefinitionJson.write(new SweepService(catalog.path()).definition(name), out);
            spec.commandLine().getOut().println("wrote the definition of sweep " + name + " to " + out);
            spec.commandLine().getOut().flush();
        }
    }

    /** `ndsw sweep import FILE`. */
    @Command(name = "import", mixinStandardHelpOptions = true, description = {"Create a sweep from a definition file"
        + " (as `sweep export` writes it): the same models, recipe and seeds."})
    static final class Import implements Runnable {
        @Spec CommandSpec spec;
        @Mixin CatalogOption catalog;
        @Parameters(paramLabel = "FILE", description = "The definition file.") Path file;
        @Option(names = "--name", description = "Create it under another name.") String name;
        @Option(names = "--work-dir", paramLabel = "DIR", description = "Folder of checkpoints and logs.") Path workDir;

        @Override
        public void run() {
            SweepDefinition d = DefinitionJson.read(file);
            if (name != null) {
                d = d.withName(name);
            }
            SweepCreateCommand.report(spec, new SweepService(catalog.path()).create(d, workDir), catalog.path());
        }
    }

    /** `ndsw sweep worker`: the entry point of a worker process (started by `sweep run`, or a cluster task). */
    @Command(name = "worker", mixinStandardHelpOptions = true, description = {"Train one run: a claimed run of the catalogue (started by `ndsw sweep"
        + " run`), or with --job a cluster job file written by `ndsw sweep plan`, recorded into --result files.",
        "On SIGTERM a --job worker stops at the next epoch boundary with a checkpoint and exits with code 75."})
    static final class Worker implements java.util.concurrent.Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin CatalogOption catalog;
        @Option(names = "--run", description = "Run id.") Long run;
        @Option(names = "--token", description = "Claim token.") String token;
        @Option(names = "--parent-pid", defaultValue = "0", description = "Stop when this process is gone.") long parent;
        @Option(names = "--threads", defaultValue = "1", description = "Engine threads.") int threads;
        @Option(names = "--job", paramLabel = "FILE", description = "A cluster job file.") Path job;
        @Option(names = "--result", paramLabel = "DIR", description = "Where a --job worker writes its files.")
        Path result;

        @Override
        public Integer call() {
            PrintStream log = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            if (job != null) {
                if (result == null || run != null || token != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--job needs --result and takes neither --run nor --token");
                }
                return ClusterWorker.run(job, result, threads, log);
            }
            if (run == null || token == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --run and --token, or --job");
            }
            return SweepWorker.run(new SweepWorker.Request(catalog.path(), run, token, parent, threads), log);
        }
    }
}
