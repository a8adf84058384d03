package org.ndsw.catalog.nds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;

/** Files, folders and zip archives as import sources, with the archive limits. */
class NdsSourcesTest {
    @TempDir Path dir;

    @Test
    void dataZipLayoutGivesItsJsonEntriesInNameOrder() throws Exception {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("nds_data/", "");
        e.put("nds_data/Vanilla.json", "[]");
        e.put("nds_data/ResNet.json", "[]");
        e.put("nds_data/README.txt", "not json");
        e.put("__MACOSX/nds_data/._ResNet.json", "junk");
        Path zip = Zips.write(dir.resolve("data.zip"), e);
        List<NdsSource> s = NdsSources.of(zip);
        assertEquals(List.of("ResNet.json", "Vanilla.json"), s.stream().map(NdsSource::fileName).toList());
        assertEquals(zip + "!nds_data/ResNet.json", s.get(0).display());
        try (InputStream in = s.get(0).open()) {
            assertEquals("[]", new String(in.readAllBytes()));
        }
    }

    @Test
    void aFolderGivesItsJsonFilesAndTheEntriesOfItsZips() throws Exception {
        Files.writeString(dir.resolve("B.json"), "[]");
        Files.writeString(dir.resolve("notes.txt"), "x");
        Zips.write(dir.resolve("a.zip"), Map.of("nds_data/A.json", "[]"));
        List<NdsSource> s = NdsSources.of(dir);
        assertEquals(List.of("B.json", "A.json"), s.stream().map(NdsSource::fileName).toList());
    }

    @Test
    void missingPathAndEmptyFolderAreClearErrors() throws Exception {
        NdswException e = assertThrows(NdswException.class, () -> NdsSources.of(dir.resolve("nope.json")));
        assertEquals(dir.resolve("nope.json") + ": no such file or folder", e.getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        e = assertThrows(NdswException.class, () -> NdsSources.of(empty));
        assertEquals(empty + ": the folder has no .json or .zip files", e.getMessage());
    }

    @Test
    void pathTraversalRejectsTheWholeArchive() throws Exception {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("nds_data/ResNet.json", "[]");
        e.put("../x.json", "[]");
        Path zip = Zips.write(dir.resolve("evil.zip"), e);
        NdswException ex = assertThrows(NdswException.class, () -> NdsSources.of(zip));
        assertEquals(zip + ": entry \"../x.json\" points outside the archive (path traversal); the archive is rejected"
                + " and nothing of it is imported", ex.getMessage());
        Path abs = Zips.write(dir.resolve("abs.zip"), Map.of("/etc/x.json", "[]"));
        assertThrows(NdswException.class, () -> NdsSources.of(abs));
    }

    @Test
    void aZipBombIsRejectedFromItsDeclaredSizes() throws Exception {
        String bomb = "[" + " ".repeat(20 << 20) + "]";
        Path zip = Zips.write(dir.resolve("bomb.zip"), Map.of("nds_data/ResNet.json", bomb));
        assertTrue(Files.size(zip) < 200_000, "compresses far beyond 100:1");
        NdswException e = assertThrows(NdswException.class, () -> NdsSources.of(zip));
        assertTrue(e.getMessage().startsWith(zip + "!nds_data/ResNet.json: declares 20971522 bytes from"), e.getMessage());
        assertTrue(e.getMessage().contains("over the 100:1 limit for archives (a zip bomb?)"), e.getMessage());
    }

    @Test
    void anEntryLyingAboutItsSizeIsStoppedWhileInflating() {
        ZipEntry e = new ZipEntry("nds_data/ResNet.json");
        e.setCompressedSize(1000);
        InputStream in = ZipGuard.bounded(new ByteArrayInputStream(new byte[3 << 20]), "x.zip", e);
        NdswException ex = assertThrows(NdswException.class, in::readAllBytes);
        assertTrue(ex.getMessage().startsWith("x.zip!nds_data/ResNet.json: expands beyond 1048576 bytes from 1000"), ex.getMessage());
    }

    @Test
    void aFileThatIsNotAZipIsAClearError() throws Exception {
        Path fake = Files.writeString(dir.resolve("data.zip"), "this is not a zip archive");
        NdswException e = assertThrows(NdswException.class, () -> NdsSources.of(fake));
        assertTrue(e.getMessage().startsWith(fake + ": not a readable zip archive"), e.getMessage());
    }
}
