package org.ndsw.app.paper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ndsw.NdswException;
import org.ndsw.figure.FigureSize;
import org.ndsw.figure.FigureWriter;

/**
 * Renders the paper's Figures 2, 3, 5, 6, 7, 9, 10 and 11 from a folder of NDS JSON files as PNG and SVG, and writes
 * {@code report.md} with the numbers behind them. A figure whose files are missing is skipped and reported.
 */
public final class PaperFigureService {
    /** Renders every figure it has data for into {@code outDir}; {@code progress} gets one line per figure. */
    public PaperReport render(Path ndsDir, Path outDir, long seed, FigureSize size, Consumer<String> progress) {
        NdsLibrary library = new NdsLibrary(ndsDir);
        createDir(outDir);
        PaperFigures figures = new PaperFigures(library, seed);
        List<Supplier<PaperFigure>> all = List.of(figures::fig2, figures::fig3, figures::fig5, figures::fig6,
                figures::fig7, figures::fig9, figures::fig10, figures::fig11);
        String[] ids = {"Fig. 2", "Fig. 3", "Fig. 5", "Fig. 6", "Fig. 7", "Fig. 9", "Fig. 10", "Fig. 11"};
        List<PaperFigure> made = new ArrayList<>();
        List<String> written = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            try {
                PaperFigure f = all.get(i).get();
                for (PaperFigure.Panel p : f.panels()) {
                    FigureWriter.write(p.figure(), outDir.resolve(p.stem() + ".png"), size);
                    FigureWriter.write(p.figure(), outDir.resolve(p.stem() + ".svg"), size);
                    written.add(p.stem());
                }
                made.add(f);
                progress.accept(ids[i] + ": " + String.join(", ", f.panels().stream().map(PaperFigure.Panel::stem)
                        .toList()));
            } catch (NdswException e) {
                skipped.add(ids[i] + ": " + e.getMessage());
                progress.accept(ids[i] + ": skipped, " + e.getMessage());
            }
        }
        Path report = outDir.resolve("report.md");
        PaperReport result = new PaperReport(outDir, report, written, skipped, library.notes(), library.sizes());
        write(report, ReportMarkdown.of(result, made, ndsDir, seed));
        return result;
    }

    private static void createDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NdswException("cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NdswException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
