package org.ndsw.ui;

import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The workbench's remembered layout: window bounds, divider positions, the selected panel and the last folder, in
 * java.util.prefs under the user node {@value #DEFAULT_NODE}. The system property {@value #NODE_PROPERTY} names
 * another node, so tests and screenshot runs never read or change the user's own layout.
 */
public final class WorkbenchPrefs {
    /** The system property naming the preferences node. */
    public static final String NODE_PROPERTY = "ndsw.prefs";
    /** The default node, under the user root. */
    public static final String DEFAULT_NODE = "org/ndsw/workbench";

    private final Preferences node;

    /** Layout kept in `node`. */
    public WorkbenchPrefs(Preferences node) {
        this.node = node;
    }

    /** The node named by {@value #NODE_PROPERTY}, or the default node. */
    public static WorkbenchPrefs load() {
        return new WorkbenchPrefs(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE)));
    }

    /** The preferences node itself. */
    public Preferences node() {
        return node;
    }

    /** Puts the window where it was, if that place is still on a screen; else leaves it as it is. */
    public void restoreWindow(Stage stage) {
        double w = node.getDouble("window.width", -1);
        double h = node.getDouble("window.height", -1);
        double x = node.getDouble("window.x", Double.NaN);
        double y = node.getDouble("window.y", Double.NaN);
        if (w >= 400 && h >= 300) {
            stage.setWidth(w);
            stage.setHeight(h);
        }
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 50)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(node.getBoolean("window.maximized", false));
    }

    /** Remembers the window's place and size (the size before maximizing stays). */
    public void saveWindow(Stage stage) {
        node.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            node.putDouble("window.x", stage.getX());
            node.putDouble("window.y", stage.getY());
            node.putDouble("window.width", stage.getWidth());
            node.putDouble("window.height", stage.getHeight());
        }
    }

    /** Sets a split pane's dividers to their remembered positions, if as many were saved. */
    public void restoreDividers(String key, SplitPane pane) {
        String saved = node.get("dividers." + key, null);
        if (saved == null) {
            return;
        }
        String[] parts = saved.split(",");
        if (parts.length != pane.getDividers().size()) {
            return;
        }
        double[] positions = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                positions[i] = Double.parseDouble(parts[i]);
            }
        } catch (NumberFormatException e) {
            return;
        }
        pane.setDividerPositions(positions);
    }

    /** Remembers a split pane's divider positions. */
    public void saveDividers(String key, SplitPane pane) {
        StringBuilder sb = new StringBuilder();
        for (double p : pane.getDividerPositions()) {
            sb.append(sb.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.4f", p));
        }
        node.put("dividers." + key, sb.toString());
    }

    /** The panel the workbench opens on. */
    public static final String FIRST_TAB = "Compare";

    /**
     * The title of the panel selected last; on the first start {@value #FIRST_TAB}, where the sample study is already
     * compared (as the README's tour describes).
     */
    public String tab() {
        return node.get("tab", FIRST_TAB);
    }

    /** Remembers the selected panel. */
    public void saveTab(String title) {
        node.put("tab", title);
    }

    /** Writes the preferences to their store now. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // The layout is a convenience: losing it must not stop the application from closing.
            System.err.println("ndsw: cannot save the window layout: " + e.getMessage());
        }
    }
}
