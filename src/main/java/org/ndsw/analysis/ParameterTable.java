package org.ndsw.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of a set: one column of values per parameter, one value per model in source order.
 *
 * @param names the parameter names, in the order they are reported
 * @param columns the values, {@code columns.get(j)[i]} for parameter j and model i
 * @param omitted parameters some models have and others lack, left out because the best model may lack them
 */
public record ParameterTable(List<String> names, List<double[]> columns, List<String> omitted) {
    /** Checks that names and columns match and copies the lists (the arrays are shared, read only). */
    public ParameterTable {
        names = List.copyOf(names);
        columns = List.copyOf(columns);
        omitted = List.copyOf(omitted);
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.size() + " columns");
        }
    }

    /** The parameters of the given models (see {@link Parameters}). */
    public static ParameterTable of(List<AnalysisModel> models) {
        return Parameters.extract(models);
    }

    /** Builds a table from named columns, keeping the columns every model has (no NaN) and naming the others. */
    static ParameterTable complete(Map<String, double[]> named) {
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        for (Map.Entry<String, double[]> e : named.entrySet()) {
            if (hasNaN(e.getValue())) {
                omitted.add(e.getKey());
            } else {
                names.add(e.getKey());
                columns.add(e.getValue());
            }
        }
        return new ParameterTable(names, columns, omitted);
    }

    /** A table of the given named columns as they are (for synthetic data and tests). */
    public static ParameterTable ofColumns(LinkedHashMap<String, double[]> named) {
        named.values().forEach(Objects::requireNonNull);
        return complete(named);
    }

    private static boolean hasNaN(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
