package org.ndsw.app.paper;

import java.util.List;
import org.ndsw.figure.Figure;

/**
 * One of the paper's figures as reproduced: its panels (file stem and figure model), the numbers behind it as
 * Markdown lines, and notes (sets left out, choices made where the paper is silent).
 *
 * @param id e.g. "Fig. 3"
 * @param caption what the figure shows
 * @param panels the panels, each written as {@code <stem>.png} and {@code <stem>.svg}
 * @param numbers report lines (Markdown)
 * @param notes caveats
 */
record PaperFigure(String id, String caption, List<Panel> panels, List<String> numbers, List<String> notes) {
    /** One panel of a figure. */
    record Panel(String stem, Figure figure) {}

    PaperFigure {
        panels = List.copyOf(panels);
        numbers = List.copyOf(numbers);
        notes = List.copyOf(notes);
    }
}
