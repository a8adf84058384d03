package org.ndsw.catalog.nds;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.ndsw.NdswException;

/**
 * Turns the paths given to `ndsw import` into NDS files: a JSON file, a zip archive of JSON files (the downloaded
 * data.zip holds nds_data/*.json), or a folder of either (not recursive).
 */
public final class NdsSources {
    private NdsSources() {}

    /** The NDS files of one path, in name order; fails for a missing path or an unsafe archive. */
    public static List<NdsSource> of(Path path) {
        if (Files.isDirectory(path)) {
            return folder(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new NdswException(path + ": no such file or folder");
        }
        return isZip(path) ? zip(path) : List.of(file(path));
    }

    private static boolean isZip(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static NdsSource file(Path p) {
        try {
            return new NdsSource(p.toString(), p.getFileName().toString(), Files.size(p), () -> Files.newInputStream(p));
        } catch (IOException e) {
            throw new NdswException(p + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<NdsSource> folder(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(p) && (n.endsWith(".json") || n.endsWith(".zip"))) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new NdswException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new NdswException(dir + ": the folder has no .json or .zip files");
        }
        Collections.sort(files);
        List<NdsSource> out = new ArrayList<>();
        for (Path p : files) {
            out.addAll(isZip(p) ? zip(p) : List.of(file(p)));
        }
        return out;
    }

    private static List<NdsSource> zip(Path archive) {
        List<NdsSource> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (ZipFile z = new ZipFile(archive.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                ZipGuard.checkName(archive.toString(), e);
                if (isNdsEntry(e)) {
                    ZipGuard.checkDeclared(archive.toString(), e);
                    entries.add(e);
                }
            }
            ZipGuard.checkCount(archive.toString(), entries.size());
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (ZipEntry e : entries) {
                String name = baseName(e.getName());
                if (!names.add(name)) {
                    throw new NdswException(archive + ": two entries are named " + name + "; sweep names would clash");
                }
                out.add(new NdsSource(archive + "!" + e.getName(), name, Math.max(e.getSize(), 0),
                        () -> openEntry(archive, e.getName())));
            }
        } catch (ZipException e) {
            throw new NdswException(archive + ": not a readable zip archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new NdswException(archive + ": cannot read: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new NdswException(archive + ": the archive has no .json files");
        }
        return out;
    }

    private static boolean isNdsEntry(ZipEntry e) {
        String n = e.getName();
        String base = baseName(n);
        return !e.isDirectory() && n.toLowerCase(Locale.ROOT).endsWith(".json") && !n.startsWith("__MACOSX/")
                && !base.startsWith("._");
    }

    private static String baseName(String entry) {
        String n = entry.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /** Opens one entry; closing the stream closes the archive. */
    private static InputStream openEntry(Path archive, String name) throws IOException {
        ZipFile z = new ZipFile(archive.toFile());
        try {
            ZipEntry e = z.getEntry(name);
            InputStream in = ZipGuard.bounded(z.getInputStream(e), archive.toString(), e);
            return new FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        z.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            z.close();
            throw e;
        }
    }
}
