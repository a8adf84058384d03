package org.ndsw.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.NdsTestFiles;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Catalog;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.space.BlockType;
import org.ndsw.space.SpecJson;
import org.ndsw.space.StageSpec;

/** ImageNet (`_in`) records of the NDS release: flops and params are recomputed on 224x224 and checked on import. */
class ImagenetVerificationTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(
            com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    @TempDir Path dir;

    private static ImportReport run(Path catalog, Path file) {
        try (Catalog c = Catalog.openOrCreate(catalog)) {
            return new ImportService(c).importPaths(List.of(file), ImportService.Options.DEFAULT, ProgressSink.NONE);
        }
    }

    /** Replaces the i-th record's `field` by its ImageNet count (record 4's flops off by one when `tamper`). */
    private static String replaceInOrder(String text, String field, JsonNode recs, boolean tamper) {
        Matcher m = Pattern.compile("\"" + field + "\":\\s*(\\d+)").matcher(text);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            Complexity c = Complexities.imagenet((StageSpec) SpecJson.parseNet(recs.get(i).get("net")), Convention.NDS);
            long v = field.equals("flops") ? c.flops() + (tamper && i == 4 ? 1 : 0) : c.params();
            m.appendReplacement(out, "\"" + field + "\":" + v);
            i++;
        }
        m.appendTail(out);
        assertEquals(recs.size(), i, "one " + field + " per record");
        return out.toString();
    }

    /** ResNet-50 as an NDS ImageNet record: pycls pins 25,557,032 params and 4,089,185,256 MACs for it. */
    @Test
    void resNet50CountsAsPyclsPinsIt() {
        StageSpec r50 = new StageSpec(BlockType.RES_BOTTLENECK, List.of(new StageSpec.Stage(1, 64, 2, 0.0, 1),
                new StageSpec.Stage(3, 256, 1, 0.25, 1), new StageSpec.Stage(4, 512, 2, 0.25, 1),
                new StageSpec.Stage(6, 1024, 2, 0.25, 1), new StageSpec.Stage(3, 2048, 2, 0.25, 1)));
        Complexity macs = Complexities.imagenet(r50, Convention.MACS);
        assertEquals(25_557_032L, macs.params());
        assertEquals(4_089_185_256L, macs.flops());
        Complexity nds = Complexities.imagenet(r50, Convention.NDS);
        assertEquals(macs.params(), nds.params());
        assertTrue(nds.flops() > macs.flops(), "the nds convention adds 5 flops per BN output element");
    }

    /** A generated `_in` fixture whose records carry the ImageNet counts imports with every record checked. */
    @Test
    void anImageNetFileIsVerifiedAndMismatchesAreCounted() throws Exception {
        Path f = NdsTestFiles.write(dir, "ResNeXt-A_in.json", "ResNeXt-A", 6, 7);
        JsonNode recs = JSON.readTree(f.toFile());
        String text = Files.readString(f);
        text = replaceInOrder(text, "flops", recs, true);
        Files.writeString(f, replaceInOrder(text, "params", recs, false));
        ImportReport rep = run(dir.resolve("c.db"), f);
        ImportReport.SweepResult s = rep.sources().get(0).sweeps().get(0);
        assertEquals("imagenet", s.dataset());
        assertEquals(6, s.verification().complexityChecked());
        assertEquals(1, s.verification().flops().count(), "the one record with a wrong flops count");
        assertEquals(0, s.verification().params().count());
        assertTrue(s.verification().complexityRule().startsWith("recomputed from net on ImageNet (224x224"),
                s.verification().complexityRule());
    }

    /** NAS cell `_in` records are not recomputed, and the rule says so. */
    @Test
    void imageNetCellRecordsAreNotRecomputed() throws Exception {
        Path f = NdsTestFiles.write(dir, "DARTS_in.json", "DARTS", 3, 5);
        ImportReport rep = run(dir.resolve("d.db"), f);
        ImportReport.SweepResult s = rep.sources().get(0).sweeps().get(0);
        assertEquals(0, s.verification().complexityChecked());
        assertTrue(s.verification().complexityRule().contains("3 records not recomputed (NAS cells"),
                s.verification().complexityRule());
    }
}
