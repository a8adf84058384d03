package org.ndsw.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ndsw.NdswException;

/**
 * The numpy side of a benchmark: a Python script in {@code --serve} mode (docs/bench/analysis_numpy.py for the
 * statistics, bench/analyze_numpy.py for `ndsw analyze`), which loads the data once, warms up, then runs once per
 * "run" line and answers with one JSON line holding its own timing.
 */
final class NumpyProcess implements AutoCloseable {
    private static final Pattern SECONDS = Pattern.compile("\"seconds\":\\s*([0-9.eE+-]+)");
    private static final Pattern CPU_SECONDS = Pattern.compile("\"cpu_seconds\":\\s*([0-9.eE+-]+)");
    private final Process process;
    private final PrintWriter in;
    private final BufferedReader out;
    private String lastLine = "";

    /** Starts the script on the data folder and waits until it has warmed up. */
    NumpyProcess(String python, Path script, Path dataDir, long seed) {
        try {
            process = new ProcessBuilder(python, script.toString(), "--serve", "--data", dataDir.toString(),
                    "--seed", Long.toString(seed)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new NdswException("cannot start " + python + " " + script + ": " + e.getMessage(), e);
        }
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = readLine();
        if (!ready.contains("\"ready\"")) {
            throw new NdswException(script + " did not start: " + ready);
        }
    }

    /** Runs the analysis once in Python and returns the {wall, CPU} seconds it measured itself. */
    double[] runOnce() {
        in.println("run");
        lastLine = readLine();
        return new double[] {number(SECONDS), number(CPU_SECONDS)};
    }

    private double number(Pattern field) {
        Matcher m = field.matcher(lastLine);
        if (!m.find()) {
            throw new NdswException("unexpected numpy benchmark output: " + lastLine);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Returns the JSON line of the last run (timing and the summary of what numpy computed). */
    String lastLine() {
        return lastLine;
    }

    private String readLine() {
        try {
            String line = out.readLine();
            if (line == null) {
                throw new NdswException("the numpy benchmark exited early (exit code "
                        + String.format(Locale.ROOT, "%s", process.isAlive() ? "running" : process.exitValue())
                        + "; see its messages above)");
            }
            return line;
        } catch (IOException e) {
            throw new NdswException("cannot read the numpy benchmark: " + e.getMessage(), e);
        }
    }

    /** Ends the script and waits for it. */
    @Override
    public void close() {
        in.println("quit");
        in.close();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
