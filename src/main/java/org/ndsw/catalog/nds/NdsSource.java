package org.ndsw.catalog.nds;

import java.io.IOException;
import java.io.InputStream;

/**
 * One NDS file to import: a plain file or an entry of a zip archive.
 *
 * @param display the path as shown to the user (`data.zip!nds_data/ResNet.json` for an entry)
 * @param fileName the bare file name, which names the sweep and with the checksum identifies the import
 * @param size bytes of the (uncompressed) content, for progress
 */
public record NdsSource(String display, String fileName, long size, Opener opener) {

    /** Opens the content of a source; each call gives a fresh stream from the start. */
    @FunctionalInterface
    public interface Opener {
        /** A new stream over the content. */
        InputStream open() throws IOException;
    }

    /** The same content shown as `shown` (a downloaded file shown under its URL). */
    public NdsSource shownAs(String shown) {
        return new NdsSource(shown, fileName, size, opener);
    }

    /** Opens the content. */
    public InputStream open() throws IOException {
        return opener.open();
    }
}
