package org.ndsw.cli;

/** Entry point of the ndsw command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("ndsw");
    }
}
