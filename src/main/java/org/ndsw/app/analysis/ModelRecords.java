package org.ndsw.app.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.analysis.AnalysisModel;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;
import org.ndsw.Quote;

/** Turns the fields of one record into an {@link AnalysisModel}; messages name the file and the record. */
final class ModelRecords {
    private ModelRecords() {}

    /** The model of a record, or null if its error is missing or NaN (a diverged run). */
    static AnalysisModel of(String where, Double error, JsonNode net, Long params, Long flops, JsonNode optim) {
        if (error == null || error.isNaN()) {
            return null;
        }
        Domains.ERROR.check(error, where + ": field 'min_test_top1'");
        return new AnalysisModel(error, spec(where, net), params == null ? Double.NaN : params,
                flops == null ? Double.NaN : flops, number(where, optim, "base_lr"), number(where, optim, "wd"));
    }

    private static ModelSpec spec(String where, JsonNode net) {
        if (net == null || net.isNull()) {
            throw new NdswException(where + " has no 'net': the analysis needs every model's net");
        }
        try {
            return SpecJson.parseNet(net);
        } catch (NdswException e) {
            throw new NdswException(where + ": " + e.getMessage(), e);
        }
    }

    private static double number(String where, JsonNode optim, String field) {
        JsonNode v = optim == null ? null : optim.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new NdswException(where + ": field 'optim." + field + "' must be a number, got "
                    + shorten(v.toString()));
        }
        return v.doubleValue();
    }

    /** A bad value for a message, cut by {@link Quote#cut}. */
    static String shorten(String text) {
        return Quote.cut(text);
    }
}
