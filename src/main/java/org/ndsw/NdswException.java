package org.ndsw;

/**
 * A failure the user can act on: bad input, an impossible request, a missing file.
 *
 * <p>The message is shown to the user as is, so it names the file, field and value at fault. Code at package
 * boundaries wraps IOException, SQLException and engine exceptions into this type; the CLI and GUI print the message
 * without a stack trace.
 */
public class NdswException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a user-facing message. */
    public NdswException(String message) {
        super(message);
    }

    /** Creates an exception with a user-facing message and the underlying cause. */
    public NdswException(String message, Throwable cause) {
        super(message, cause);
    }
}
