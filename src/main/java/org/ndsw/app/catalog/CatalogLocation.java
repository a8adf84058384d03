package org.ndsw.app.catalog;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the catalogue file is: `--catalog FILE` if given, else the environment variable {@value #ENV}, else
 * {@code ~/.ndsw/catalog.db}.
 */
public final class CatalogLocation {
    /** The environment variable naming the catalogue file. */
    public static final String ENV = "NDSW_CATALOG";

    private CatalogLocation() {}

    /** Resolves the catalogue file from the option (may be null), the environment and the user's home folder. */
    public static Path resolve(String option, Map<String, String> env, String userHome) {
        if (option != null && !option.isBlank()) {
            return Path.of(option);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(userHome, ".ndsw", "catalog.db");
    }

    /** Resolves with this process's environment and home folder. */
    public static Path resolve(String option) {
        return resolve(option, System.getenv(), System.getProperty("user.home"));
    }
}
