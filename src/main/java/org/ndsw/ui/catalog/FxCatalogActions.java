package org.ndsw.ui.catalog;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ndsw.NdswException;
import org.ndsw.app.ingest.Download;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.FileDialogs;
import org.ndsw.ui.task.TaskHandle;

/** The catalogue panel's window actions. */
final class FxCatalogActions implements CatalogActions {
    private final CatalogViewModel vm;
    private final Window window;
    private final Dialogs dialogs;
    private final FileDialogs files;
    private final Path defaultCatalog;
    private final Consumer<List<String>> compare;

    FxCatalogActions(CatalogViewModel vm, Window window, Dialogs dialogs, Path defaultCatalog,
            Consumer<List<String>> compare) {
        this.vm = vm;
        this.window = window;
        this.dialogs = dialogs;
        this.files = new FileDialogs(dialogs);
        this.defaultCatalog = defaultCatalog;
        this.compare = compare;
    }

    @Override
    public void openCatalog() {
        FileChooser c = catalogChooser("Open catalogue");
        File f = c.showOpenDialog(window);
        if (f != null) {
            files.remember(f);
            vm.open(f.toPath(), false).onFailure(dialogs::showError);
        }
    }

    @Override
    public void newCatalog() {
        FileChooser c = catalogChooser("New catalogue");
        c.setInitialFileName("catalog.db");
        File f = c.showSaveDialog(window);
        if (f != null) {
            files.remember(f);
            vm.open(f.toPath(), true).onFailure(dialogs::showError);
        }
    }

    private FileChooser catalogChooser(String title) {
        FileChooser c = files.chooser(title);
        if (vm.session.get() == null && defaultCatalog.getParent() != null
                && defaultCatalog.getParent().toFile().isDirectory() && c.getInitialDirectory() == null) {
            c.setInitialDirectory(defaultCatalog.getParent().toFile());
        }
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Catalogue (*.db)", "*.db"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }

    @Override
    public void importFiles() {
        FileChooser c = files.chooser("Import NDS data");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("NDS JSON or zip", "*.json", "*.zip"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = c.showOpenMultipleDialog(window);
        if (chosen != null && !chosen.isEmpty()) {
            files.remember(chosen.get(0));
            importPaths(chosen.stream().map(File::toPath).toList());
        }
    }

    @Override
    public void importFolder() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Import a folder of NDS data");
        File start = files.chooser("").getInitialDirectory();
        if (start != null) {
            c.setInitialDirectory(start);
        }
        File dir = c.showDialog(window);
        if (dir != null) {
            files.remember(new File(dir, "."));
            importPaths(List.of(dir.toPath()));
        }
    }

    @Override
    public void importPaths(List<Path> paths) {
        if (!busy()) {
            vm.importPaths(paths, defaultCatalog).onSuccess(i -> {
                ImportSummary s = ImportSummary.of(i.report());
                show(s);
                resolve(s.collisions(), i.session(), choices -> vm.importAgain(paths, choices, defaultCatalog));
            }).onFailure(this::failed);
        }
    }

    @Override
    public void importUrl() {
        Path catalogFile = vm.session.get() != null ? vm.session.get().file() : defaultCatalog;
        UrlDialog.ask(window, Download.defaultDir(catalogFile)).ifPresent(a -> {
            if (!Download.isUrl(a.url())) {
                dialogs.showError(new NdswException("\"" + a.url() + "\" is not an http:// or https:// URL"));
            } else if (!busy()) {
                vm.importUrl(a.url().strip(), a.refetch(), defaultCatalog).onSuccess(this::downloaded)
                        .onFailure(this::failed);
            }
        });
    }

    @Override
    public void importUrl(String url) {
        if (!busy()) {
            vm.importUrl(url, false, defaultCatalog).onSuccess(this::downloaded).onFailure(this::failed);
        }
    }

    /** Shows what a URL import did and offers the same choices as a file import for names taken before. */
    private void downloaded(CatalogViewModel.Imported i) {
        ImportSummary s = ImportSummary.of(i.report());
        show(s);
        List<Download.Result> downloads = i.report().downloads();
        resolve(s.collisions(), i.session(), choices -> vm.importDownloadedAgain(downloads, choices, defaultCatalog));
    }

    /**
     * Asks, for each input refused for the name of an earlier import, whether to replace the earlier sweep, import it
     * under a new name (a free one suggested) or skip it; then imports the ones not skipped through `again`.
     */
    private void resolve(List<NameCollision> collisions, CatalogSession session,
            java.util.function.Function<java.util.Map<String, String>, TaskHandle<CatalogViewModel.Imported>> again) {
        java.util.Map<String, String> choices = new java.util.LinkedHashMap<>();
        java.util.Set<String> chosen = new java.util.HashSet<>();
        for (NameCollision c : collisions) {
            ButtonType replace = new ButtonType(NameCollision.REPLACE);
            ButtonType rename = new ButtonType(NameCollision.RENAME);
            ButtonType skip = new ButtonType(NameCollision.SKIP, ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, c.question(), replace, rename, skip);
            a.initOwner(window);
            a.setTitle("Import");
            a.setHeaderText(c.header());
            a.getDialogPane().setMinWidth(560);
            a.getDialogPane().setId("import-collision");
            ButtonType b = a.showAndWait().orElse(skip);
            if (b == replace) {
                choices.put(c.input(), "");
            } else if (b == rename) {
                String suggested = NameCollision.suggestName(c.fileName(),
                        n -> chosen.contains(n) || session.sourceTaken(n));
                javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(suggested);
                d.initOwner(window);
                d.setTitle("Import under a new name");
                d.setHeaderText("The new sweep's name (its file name without .json). Keep the space's name before"
                        + " the first underscore, e.g. " + suggested.replace(".json", "") + ".");
                d.getEditor().setId("import-new-name");
                d.showAndWait().filter(t -> !t.isBlank()).map(NameCollision::asFileName).ifPresent(n -> {
                    chosen.add(n);
                    choices.put(c.input(), n);
                });
            }
        }
        if (!choices.isEmpty() && !busy()) {
            again.apply(choices).onSuccess(i -> {
                ImportSummary s = ImportSummary.of(i.report());
                show(s);
                resolve(s.collisions(), i.session(), again);
            }).onFailure(this::failed);
        }
    }

    /** True (and says so) while an import runs: one import at a time. */
    private boolean busy() {
        if (vm.importing.get()) {
            dialogs.report(Alert.AlertType.INFORMATION, "Import", "An import is running",
                    "Wait for it to finish (or cancel it), then import again.", null, false);
        }
        return vm.importing.get();
    }

    /** Shows why an import failed; a cancelled one needs no dialog (the user asked for it). */
    private void failed(Throwable t) {
        if (!(t instanceof CancellationException)) {
            dialogs.showError(t);
        }
    }

    private void show(ImportSummary s) {
        if (s.anyRejected()) {
            dialogs.report(Alert.AlertType.ERROR, "Import", s.headline(), s.rejected(), s.imported(), false);
        } else {
            dialogs.report(Alert.AlertType.INFORMATION, "Import", s.headline(),
                    "Verification details are below.", s.imported(), true);
        }
    }

    @Override
    public void exportSweep() {
        List<String> names = vm.selectedNames();
        if (names.size() != 1) {
            dialogs.report(Alert.AlertType.INFORMATION, "Export", "Select one sweep to export",
                    "Export writes one sweep as NDS JSON; select it in the sweeps list first.", null, false);
            return;
        }
        FileChooser c = files.chooser("Export sweep as NDS JSON");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("NDS JSON", "*.json"));
        c.setInitialFileName(names.get(0).replace('/', '_') + ".json");
        File f = c.showSaveDialog(window);
        if (f != null) {
            files.remember(f);
            files.guarded(() -> vm.export(names.get(0), f.toPath()).onSuccess(r -> dialogs.report(
                    Alert.AlertType.INFORMATION, "Export", "Exported " + names.get(0), String.format(
                            java.util.Locale.ROOT, "Wrote %,d runs to %s%s.", r.runs(), r.file(), r.skipped() > 0
                                    ? String.format(java.util.Locale.ROOT, " (%,d unfinished runs left out)", r.skipped())
                                    : ""), null, false)).onFailure(dialogs::showError));
        }
    }

    @Override
    public void deleteSweeps() {
        List<String> names = vm.selectedNames();
        if (names.isEmpty()) {
            return;
        }
        String what = names.size() == 1 ? "sweep " + names.get(0) : names.size() + " sweeps";
        if (dialogs.confirm("Delete " + what + "?", "This removes " + String.join(", ", names)
                + " with all their runs from " + vm.session.get().file() + ". Models no other sweep uses go too."
                + " Re-import the source files to get them back.")) {
            files.guarded(() -> vm.delete(names).onFailure(dialogs::showError));
        }
    }

    @Override
    public void compareSweeps() {
        List<String> names = vm.selectedNames();
        if (!names.isEmpty()) {
            compare.accept(names);
        }
    }
}
