package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void barShowsTheFractionClamped() {
        assertEquals("[" + ".".repeat(24) + "]   0%", ConsoleProgress.bar(-1));
        assertEquals("[" + "#".repeat(12) + ".".repeat(12) + "]  50%", ConsoleProgress.bar(0.5));
        assertEquals("[" + "#".repeat(24) + "] 100%", ConsoleProgress.bar(2));
    }

    @Test
    void withoutATerminalLinesAreThrottledAndPermanentLinesAlwaysPrint() {
        StringWriter out = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(out), false, 3600);
        p.update("first", 0.1);
        p.update("second", 0.2);
        p.println("epoch 1 done");
        assertEquals("[" + "#".repeat(2) + ".".repeat(22) + "]  10% first\nepoch 1 done\n", out.toString());
    }

    @Test
    void onATerminalTheBarRedrawsInPlaceAndIsClearedForLines() {
        StringWriter out = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(out), true, 0);
        p.update("working", 0);
        p.println("done");
        String bar = "[" + ".".repeat(24) + "]   0% working";
        assertEquals("\r" + bar + "\r" + " ".repeat(bar.length()) + "\rdone\n", out.toString());
    }
}
