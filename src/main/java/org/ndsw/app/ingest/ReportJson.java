package org.ndsw.app.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** JSON forms of import results: stored with each sweep and printed by `ndsw import --json`. */
public final class ReportJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportJson() {}

    /** The verification report of a sweep. */
    public static ObjectNode verification(VerificationReport r) {
        ObjectNode o = NODES.objectNode();
        o.put("records", r.records());
        ObjectNode c = o.putObject("complexity");
        c.put("rule", r.complexityRule());
        c.put("checked", r.complexityChecked());
        c.set("params", mismatches(r.params()));
        ObjectNode f = mismatches(r.flops());
        f.put("informational", r.flopsInformational());
        c.set("flops", f);
        ObjectNode b = mismatches(r.bestEpoch());
        b.put("checked", r.bestEpochChecked());
        o.set("best_epoch", b);
        o.set("skipped", mismatches(r.skipped()));
        ObjectNode v = o.putObject("values");
        r.values().forEach((k, vals) -> v.set(k, array(vals)));
        ArrayNode t = o.putArray("values_truncated");
        r.truncatedValues().forEach(t::add);
        return o;
    }

    /** The training recipe: each optimizer key with its value if constant, else the list of values seen. */
    public static ObjectNode recipe(Map<String, List<Object>> optimValues) {
        ObjectNode o = NODES.objectNode();
        optimValues.forEach((k, vals) -> {
            String key = k.substring(k.indexOf('.') + 1);
            o.set(key, vals.size() == 1 ? value(vals.get(0)) : array(vals));
        });
        return o;
    }

    private static ObjectNode mismatches(VerificationReport.Mismatches m) {
        ObjectNode o = NODES.objectNode();
        o.put("count", m.count());
        ArrayNode ex = o.putArray("examples");
        for (VerificationReport.Example e : m.examples()) {
            ex.addObject().put("where", e.where()).put("detail", e.detail());
        }
        return o;
    }

    private static ArrayNode array(List<Object> vals) {
        ArrayNode a = NODES.arrayNode();
        vals.forEach(x -> a.add(value(x)));
        return a;
    }

    /** A Long, Double, Boolean or String as a JSON value. */
    static JsonNode value(Object x) {
        if (x instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (x instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (x instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return NODES.textNode(String.valueOf(x));
    }
}
