package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.AtomicWrite;
import org.ndsw.NdswException;
import org.ndsw.catalog.nds.NdsJson;

/** The one write-then-rename of the project (exports, downloads, checkpoints, caches) under failures and links. */
class IngestAtomicWriteTest {
    @TempDir Path dir;

    private List<String> names() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBodyThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("out.json");
        Files.writeString(f, "old");
        NdswException boom = new NdswException("stop");
        NdswException e = assertThrows(NdswException.class, () -> AtomicWrite.write(f, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw boom;
        }));
        assertSame(boom, e, "the body's own error passes through");
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void aCheckThatRefusesKeepsTheOldFile() throws Exception {
        Path f = dir.resolve("data.zip");
        Files.writeString(f, "old");
        assertThrows(NdswException.class, () -> AtomicWrite.write(f, out -> out.write(1), written -> {
            assertEquals(1, Files.size(written));
            throw new NdswException("not complete");
        }));
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("data.zip"), names());
    }

    @Test
    void aBodyMayCloseTheStreamAsJacksonAndZipDo() throws Exception {
        Path f = dir.resolve("x.json");
        AtomicWrite.write(f, out -> NdsJson.MAPPER.writeValue(out, NdsJson.parse("{\"a\": [1, NaN]}")));
        assertEquals("{\"a\":[1,NaN]}", Files.readString(f));
    }

    @Test
    void aSymbolicLinkAtTheTargetIsReplacedNotFollowed() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("export.json"), elsewhere);
        AtomicWrite.text(link, "new");
        assertEquals("keep me", Files.readString(elsewhere));
        assertTrue(!Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(link));
    }

    @Test
    void aTargetThatIsAFolderFailsNamingIt() throws Exception {
        Path f = Files.createDirectories(dir.resolve("out.json")).resolve("x");
        Files.writeString(f, "inside");
        Path folder = dir.resolve("out.json");
        String m = assertThrows(NdswException.class, () -> AtomicWrite.text(folder, "new")).getMessage();
        assertTrue(m.startsWith(folder + ": cannot write: "), m);
        assertEquals(List.of("out.json"), names());
    }
}
