package org.ndsw;

import java.awt.GraphicsEnvironment;
import org.ndsw.cli.Main;
import org.ndsw.ui.Launcher;

/**
 * The jar's entry point: with no arguments it opens the workbench window, with arguments it runs the `ndsw` command
 * line. Without a display, no arguments prints the command line's help instead of failing.
 */
public final class Ndsw {
    private Ndsw() {}

    public static void main(String[] args) {
        if (args.length == 0 && !GraphicsEnvironment.isHeadless()) {
            Launcher.main(args);
        } else {
            Main.main(args);
        }
    }
}
