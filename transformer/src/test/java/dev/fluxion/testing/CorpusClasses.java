package dev.fluxion.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus as class files in a directory, for tests that transform it the way the build-time
 * plugin does (a directory of compiled classes) rather than through a class loader. Reads the
 * files without loading the corpus classes, so an agent in the JVM never sees them.
 */
public final class CorpusClasses {
    /** The corpus package, as a path in a class directory. */
    public static final String PACKAGE = "dev/fluxion/corpus";

    private CorpusClasses() {
    }

    /**
     * Copies the class files of the corpus package, from wherever this class was loaded (the
     * transformer's {@code test-classes} or its test jar), into {@code dir}, keeping the package
     * directories. Returns the copies.
     */
    public static List<Path> copyTo(Path dir) throws IOException {
        return copyTo(dir, PACKAGE);
    }

    /** The same for the class files of another package of the transformer's tests ({@code dev/fluxion/dispatch}). */
    public static List<Path> copyTo(Path dir, String pkg) throws IOException {
        Path origin;
        try {
            origin = Path.of(CorpusClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(origin)) {
            return copy(origin, pkg, dir);
        }
        try (FileSystem jar = FileSystems.newFileSystem(origin)) {
            return copy(jar.getPath("/"), pkg, dir);
        }
    }

    private static List<Path> copy(Path root, String pkg, Path dir) throws IOException {
        List<Path> copies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
                Path target = dir.resolve(root.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                copies.add(target);
            }
        }
        if (copies.isEmpty()) {
            throw new IOException("no class files under " + root.resolve(pkg));
        }
        return copies;
    }
}
