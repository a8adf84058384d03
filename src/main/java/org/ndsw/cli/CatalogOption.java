package org.ndsw.cli;

import java.nio.file.Path;
import org.ndsw.app.catalog.CatalogLocation;
import org.ndsw.catalog.Catalog;
import picocli.CommandLine.Option;

/** The `--catalog FILE` option shared by the catalogue commands (default: $NDSW_CATALOG, else ~/.ndsw/catalog.db). */
final class CatalogOption {
    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Catalogue file. Default: $" + CatalogLocation.ENV + ", else ~/.ndsw/catalog.db.")
    String file;

    /** The resolved catalogue file. */
    Path path() {
        return CatalogLocation.resolve(file);
    }

    /** Opens the catalogue, which must exist. */
    Catalog open() {
        return Catalog.open(path());
    }

    /** Opens the catalogue, creating it if needed. */
    Catalog openOrCreate() {
        return Catalog.openOrCreate(path());
    }
}
