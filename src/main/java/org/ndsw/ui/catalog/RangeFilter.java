package org.ndsw.ui.catalog;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ndsw.NdswException;
import org.ndsw.catalog.Column;
import org.ndsw.catalog.Condition;
import org.ndsw.catalog.QueryText;

/**
 * One error or complexity range of the catalogue filter: inclusive bounds typed as text (k, M and B suffixes, as
 * `--where` takes them), blank for no bound. Parsed by the query language itself, so both accept the same numbers.
 */
final class RangeFilter {
    final Column column;
    final StringProperty min = new SimpleStringProperty("");
    final StringProperty max = new SimpleStringProperty("");

    RangeFilter(Column column) {
        this.column = column;
    }

    /** Adds the conditions of the bounds that are set; throws with a one-line message for a bound that is no number. */
    void addTo(List<Condition> out) {
        bound(min.get(), ">=", out);
        bound(max.get(), "<=", out);
    }

    private void bound(String text, String op, List<Condition> out) {
        if (text != null && !text.isBlank()) {
            try {
                List<Condition> c = QueryText.where(column.label() + " " + op + " " + text.trim());
                if (c.size() != 1) {
                    throw new NdswException("one number expected");
                }
                out.add(c.get(0));
            } catch (NdswException e) {
                throw new NdswException(column.label() + " " + (op.equals(">=") ? "from" : "to") + " \"" + text.trim()
                        + "\" is not a number; write e.g. 5.5, 0.5M or 120M");
            }
        }
    }
}
