package org.ndsw.ui.spaces;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.SpaceFiles;
import org.ndsw.ui.task.TaskRunner;

/**
 * The design spaces panel: the list of built-in and user spaces and the file actions around the editor.
 *
 * <p>User spaces live as files in a folder (default ~/.ndsw/spaces) and are listed at start. Built-ins are read-only:
 * saving one asks for a new name through {@link #duplicate()}.
 */
public final class SpacesViewModel {
    /** What to do with unsaved edits before the editor shows another space or the window closes. */
    public enum Leave {
        /** Save them first (to the space's file, or as NAME.json in the user folder). */
        SAVE,
        /** Drop them. */
        DISCARD,
        /** Stay in the editor with them. */
        CANCEL
    }

    /** Every space the panel lists: the paper's, AnyNetX and RegNet built-ins, and the user's. */
    final ObservableList<SpaceEntry> entries = FXCollections.observableArrayList();
    /** The spaces the Training and Analysis panels offer: {@link #entries} without the ImageNet built-ins and RegNet. */
    private final ObservableList<SpaceEntry> offered = FXCollections.observableArrayList();
    final ObjectProperty<SpaceEntry> selected = new SimpleObjectProperty<>();
    final SpaceEditorViewModel editor;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Path userDir;
    private final ObjectProperty<Path> currentFile = new SimpleObjectProperty<>();
    /** Space files opened or saved outside the user folder, listed with the user spaces for this session. */
    private final List<Path> elsewhere = new ArrayList<>();

    /** A panel listing built-ins and the space files in `userDir`. */
    public SpacesViewModel(TaskRunner tasks, Path userDir) {
        this.userDir = userDir;
        this.editor = new SpaceEditorViewModel(tasks);
        selected.addListener((o, a, b) -> {
            if (b != null) {
                editor.load(b.space());
                currentFile.set(b.file());
            }
        });
        reload();
    }

    /**
     * The spaces the Training and Analysis panels offer: the paper's built-ins and the user's stage and cell spaces
     * (this panel also lists AnyNetX_A to E, RegNetX, RegNetY and user RegNet spaces, which those panels do not take).
     */
    public ObservableList<SpaceEntry> entries() {
        return offered;
    }

    /** The default folder of user spaces: ~/.ndsw/spaces. */
    public static Path defaultUserDir() {
        return Path.of(System.getProperty("user.home"), ".ndsw", "spaces");
    }

    /** Re-reads the list; unreadable files are skipped and named in the status line. */
    public void reload() {
        List<SpaceEntry> list = new ArrayList<>();
        BuiltinSpaces.listed().forEach(s -> list.add(new SpaceEntry(s, null)));
        List<String> bad = new ArrayList<>();
        if (Files.isDirectory(userDir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(userDir, "*.json")) {
                List<Path> sorted = new ArrayList<>();
                files.forEach(sorted::add);
                sorted.sort(Comparator.naturalOrder());
                for (Path f : sorted) {
                    try {
                        list.add(new SpaceEntry(SpaceFiles.read(f), f));
                    } catch (NdswException e) {
                        bad.add(e.getMessage());
                    }
                }
            } catch (IOException e) {
                bad.add(userDir + ": cannot list: " + e.getMessage());
            }
        }
        for (Path f : elsewhere) {
            if (Files.isRegularFile(f)) {
                try {
                    list.add(new SpaceEntry(SpaceFiles.read(f), f));
                } catch (NdswException e) {
                    bad.add(e.getMessage());
                }
            }
        }
        entries.setAll(list);
        offered.setAll(list.stream().filter(e -> !(e.space() instanceof org.ndsw.space.RegNetSpace)
                && !(e.builtin() && !BuiltinSpaces.all().contains(e.space()))).toList());
        status.set(bad.isEmpty() ? "" : "skipped: " + String.join("; ", bad));
    }

    /**
     * True when the editor may show something else: it has no unsaved edits, or `ask` chose to save them (and the save
     * worked; a failed save throws) or to discard them. False when `ask` chose to cancel.
     */
    public boolean leave(java.util.function.Supplier<Leave> ask) {
        if (!editor.dirty.get()) {
            return true;
        }
        return switch (ask.get()) {
            case SAVE -> {
                save();
                yield true;
            }
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** The title of the editor: the space's name, with "*" while it has unsaved edits. */
    static String title(String name, boolean dirty) {
        return (name == null || name.isBlank() ? "Unnamed space" : name) + (dirty ? " *" : "");
    }

    /** Starts a new stage-wise space from ResNet's choices. */
    public void newStageSpace() {
        startFrom(BuiltinSpaces.find("ResNet").orElseThrow(), "New stage space");
    }

    /** Starts a new cell space from DARTS's choices. */
    public void newCellSpace() {
        startFrom(BuiltinSpaces.find("DARTS").orElseThrow(), "New cell space");
    }

    /** Starts a new user space from the selected one. */
    public void duplicate() {
        SpaceEntry e = selected.get();
        if (e != null) {
            startFrom(e.space(), e.space().name() + " copy");
        }
    }

    private void startFrom(DesignSpace template, String name) {
        selected.set(null);
        editor.load(template);
        editor.name.set(name);
        currentFile.set(null);
    }

    /** Saves the edited space to its file, or to the user folder as NAME.json if it has none; returns the file. */
    public Path save() {
        Path target = currentFile.get() != null ? currentFile.get() : userDir.resolve(fileName(editor.name.get()));
        if (currentFile.get() == null && Files.exists(target)) {
            throw new NdswException(target + " already exists: choose another name or use Save As");
        }
        return saveAs(target);
    }

    /** Saves the edited space to `file` (atomically) and selects it in the list. */
    public Path saveAs(Path file) {
        DesignSpace s = editor.spaceProperty().get();
        if (s == null) {
            throw new NdswException("cannot save: " + editor.errorProperty().get());
        }
        if (BuiltinSpaces.find(s.name()).isPresent()) {
            throw new NdswException(Quote.of(s.name()) + " is the name of a built-in space, which is read-only:"
                    + " give your space another name");
        }
        SpaceFiles.write(s, file);
        remember(file);
        currentFile.set(file);
        editor.markSaved();
        reload();
        entries.stream().filter(e -> file.equals(e.file())).findFirst().ifPresent(selected::set);
        status.set("saved " + file);
        return file;
    }

    /** Opens a space file from anywhere and puts it in the editor. */
    public void open(Path file) {
        DesignSpace s = SpaceFiles.read(file);
        remember(file);
        reload();
        SpaceEntry e = entries.stream().filter(x -> file.equals(x.file())).findFirst().orElse(null);
        if (e != null && e != selected.get()) {
            selected.set(e);
        } else {
            selected.set(null);
            editor.load(s);
            currentFile.set(file);
        }
        status.set("opened " + file);
    }

    /** Lists `file` with the user spaces from now on when it lies outside the user folder. */
    private void remember(Path file) {
        if (!userDir.equals(file.toAbsolutePath().getParent()) && !userDir.equals(file.getParent())
                && !elsewhere.contains(file)) {
            elsewhere.add(file);
        }
    }

    /** Deletes the selected user space's file. */
    public void deleteSelected() {
        SpaceEntry e = selected.get();
        if (e == null || e.builtin()) {
            throw new NdswException("only user spaces can be deleted; the paper's spaces are built in");
        }
        try {
            Files.deleteIfExists(e.file());
        } catch (IOException ex) {
            throw new NdswException(e.file() + ": cannot delete: " + ex.getMessage(), ex);
        }
        selected.set(null);
        currentFile.set(null);
        reload();
        status.set("deleted " + e.file());
    }

    /** A file name for a space name: letters, digits, '-', '_' and '.', others replaced by '_'. */
    static String fileName(String spaceName) {
        String base = spaceName.trim().replaceAll("[^A-Za-z0-9._-]+", "_");
        return (base.isEmpty() ? "space" : base) + ".json";
    }

    /** The file the editor saves to, or null for a new space. */
    public Path currentFile() {
        return currentFile.get();
    }

    /** The file the editor saves to, null for a new space; the editor shows it under the title. */
    public javafx.beans.property.ReadOnlyObjectProperty<Path> currentFileProperty() {
        return currentFile;
    }

    /** The user folder, where a space saved without choosing a file goes. */
    public Path userDir() {
        return userDir;
    }

    /**
     * The line under the editor's title: the file Save writes to, or for a space without one where Save will put it
     * and that Save as… chooses another place.
     */
    String location() {
        if (selected.get() != null && selected.get().builtin()) {
            return "Built-in space, read-only: Duplicate it to save your own copy";
        }
        Path f = currentFile.get();
        return f != null ? "File: " + f : "Not saved yet: Save writes " + userDir.resolve(fileName(editor.name.get()))
                + "; Save as… writes anywhere";
    }

    /** The last action's outcome, for the status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The editor of the selected or new space. */
    public SpaceEditorViewModel editor() {
        return editor;
    }
}
