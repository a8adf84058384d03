package org.ndsw.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ndsw.app.Provenance;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import picocli.CommandLine;

/**
 * Prints the application version, the engines found, their libraries' versions, Java and the OS ({@code ndsw --version}).
 *
 * <p>Fast and safe to run anywhere: library versions come from the jars' metadata ({@link Provenance#libraries}) and
 * engines are only listed by name, which by the {@link TrainingEngine} contract loads no native code. The versions an
 * engine actually loads are recorded with every run it trains.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        lines.add(Provenance.appVersion());
        lines.add("engines: " + String.join(", ", TrainingEngines.all().stream().map(TrainingEngine::name).toList()));
        for (Map.Entry<String, String> lib : Provenance.libraries().entrySet()) {
            lines.add(lib.getKey() + " " + lib.getValue());
        }
        lines.add("java " + Provenance.java());
        lines.add("os " + Provenance.os());
        return lines.toArray(String[]::new);
    }
}
