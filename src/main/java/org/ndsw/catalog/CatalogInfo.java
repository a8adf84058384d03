package org.ndsw.catalog;

import java.nio.file.Path;

/** What `ndsw catalog info` shows: the file, its versions and sizes. */
public record CatalogInfo(Path file, int schemaVersion, String sqliteVersion, String journalMode, long bytes,
        long sweeps, long models, long runs) {}
