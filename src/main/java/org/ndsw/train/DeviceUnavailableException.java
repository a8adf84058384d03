package org.ndsw.train;

import org.ndsw.NdswException;

/**
 * The engine cannot compute on the requested device in this build or on this machine (no CUDA device, CPU-only
 * natives). Deterministic: training again on the same machine fails the same way, so a sweep stops claiming runs.
 */
public class DeviceUnavailableException extends NdswException {
    private static final long serialVersionUID = 1L;

    /** A failure with a user-facing message naming the device and the fix. */
    public DeviceUnavailableException(String message) {
        super(message);
    }

    /** A failure caused by an engine error. */
    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
