/**
 * The `ndsw` command line: thin picocli commands over the services of {@code org.ndsw.app}. {@link org.ndsw.cli.Main}
 * maps user errors ({@link org.ndsw.NdswException}) to a one-line message and exit code 1, usage errors to 2, and
 * bugs to a stack trace and exit code 70. Machine-readable output (JSON, JSON Lines) is a contract: fields may be
 * added, never renamed.
 */
package org.ndsw.cli;
