package org.ndsw.catalog.nds;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.ndsw.catalog.RunData;
import org.ndsw.catalog.StoredRun;

/**
 * Writes runs as NDS records (docs/reference/nds-json.md), streaming: a list, or an object of groups like a reruns file.
 *
 * <p>Each record gets `rng_seed`, `params`, `flops`, `net`, `optim`, `min_test_top1`, the curves and every other key
 * the import kept; `net` is the recorded one when it differed from the canonical form. NaN stays a bare token.
 */
public final class NdsWriter implements AutoCloseable {
    private final JsonGenerator g;

    /** Starts writing to `out` (closed with the writer). */
    public NdsWriter(OutputStream out) throws IOException {
        g = NdsJson.MAPPER.createGenerator(out);
    }

    /** Opens the list of records (of a list file, or of the current group). */
    public void startList() throws IOException {
        g.writeStartArray();
    }

    /** Closes the list of records. */
    public void endList() throws IOException {
        g.writeEndArray();
    }

    /** Opens the object of groups of a grouped file. */
    public void startGroups() throws IOException {
        g.writeStartObject();
    }

    /** Names the next group; follow with {@link #startList}. */
    public void group(String name) throws IOException {
        g.writeFieldName(name);
    }

    /** Closes the object of groups. */
    public void endGroups() throws IOException {
        g.writeEndObject();
    }

    /** Writes one run as a record. */
    public void record(StoredRun r) throws IOException {
        ObjectNode extra = r.data().extra() == null ? null : (ObjectNode) NdsJson.parse(r.data().extra());
        g.writeStartObject();
        if (extra != null && extra.has("job_id")) {
            g.writeFieldName("job_id");
            g.writeTree(extra.get("job_id"));
        }
        if (r.seed() != null) {
            g.writeNumberField("rng_seed", r.seed());
        }
        g.writeNumberField("params", r.params());
        g.writeNumberField("flops", r.flops());
        g.writeFieldName("net");
        if (extra != null && extra.has("net")) {
            g.writeTree(extra.get("net"));
        } else {
            g.writeRawValue(r.net());
        }
        if (r.data().optim() != null) {
            g.writeFieldName("optim");
            g.writeRawValue(r.data().optim());
        }
        g.writeFieldName("min_test_top1");
        g.writeNumber(r.error());
        curves(r.data().curves());
        if (extra != null) {
            rest(extra);
        }
        g.writeEndObject();
    }

    private void curves(RunData.Curves c) throws IOException {
        curve("test_ep_top1", c.testEpTop1());
        curve("train_ep_top1", c.trainEpTop1());
        curve("train_ep_loss", c.trainEpLoss());
        curve("test_ep_loss", c.testEpLoss());
        curve("train_it_loss", c.trainItLoss());
        curve("train_it_top1", c.trainItTop1());
    }

    private void curve(String name, double[] values) throws IOException {
        if (values == null) {
            return;
        }
        g.writeFieldName(name);
        g.writeArray(values, 0, values.length);
    }

    private void rest(ObjectNode extra) throws IOException {
        for (Map.Entry<String, JsonNode> f : extra.properties()) {
            if (!f.getKey().equals("job_id") && !f.getKey().equals("net")) {
                g.writeFieldName(f.getKey());
                g.writeTree(f.getValue());
            }
        }
    }

    @Override
    public void close() throws IOException {
        g.close();
    }
}
