package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ndsw.Domains;
import org.junit.jupiter.api.Test;

/** The "Domains" table of docs/design-space-format.md lists every domain of {@link Domains} with its bounds. */
class DomainsDocTest {
    @Test
    void everyDomainIsDocumentedWithItsBounds() throws IOException {
        String doc = Files.readString(Path.of("docs/design-space-format.md"));
        String table = doc.substring(doc.indexOf("## Domains"));
        for (Object d : Domains.ALL) {
            if (d instanceof Domains.IntDomain i) {
                String row = row(table, i.what());
                String max = String.format(Locale.ROOT, "%,d", i.max());
                assertTrue(row.contains(max), i.what() + " should show " + max + ": " + row);
            } else {
                Domains.RealDomain r = (Domains.RealDomain) d;
                String row = row(table, r.what());
                assertTrue(row.contains("finite number in"), r.what() + ": " + row);
            }
        }
    }

    private static String row(String table, String what) {
        for (String line : table.lines().toList()) {
            if (line.startsWith("| " + what + " |")) {
                return line;
            }
        }
        throw new AssertionError("no row for " + what + " in the Domains table");
    }
}
