package org.ndsw.cli;

import picocli.CommandLine;

/** Reports the application version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"ndsw " + (v == null ? "(development build)" : v)};
    }
}
