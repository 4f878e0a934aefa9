package dev.fluxion.ondemand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.corpus.Corpus;
import dev.fluxion.testing.CorpusClasses;
import dev.fluxion.testing.CorpusValues;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On demand, the derivatives are the plugin's (and so the agent's: the agent module shows those
 * two agree), bit for bit: {@link CorpusValues} prints the same in a JVM whose class path is the
 * plugin's output and in one whose class path is the untransformed corpus and {@code fluxion.jar},
 * with nothing else.
 */
class OnDemandAgreesWithPluginTest {
    private static final Path FLUXION_JAR = Path.of("target/fluxion.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void derivativesAreIdentical() throws Exception {
        Path corpus = dir.resolve("corpus");
        CorpusClasses.copyTo(corpus);
        Path testSupport = codeSource(CorpusValues.class); // the transformer's test jar: the corpus and CorpusValues
        Path pluginOutput = dir.resolve("plugin");
        CorpusClasses.copyTo(pluginOutput);
        transformLikeThePlugin(pluginOutput, List.of(testSupport, FLUXION_JAR));

        String byPlugin = java("-cp", join(pluginOutput, testSupport, FLUXION_JAR));
        String onDemand = java("-cp", join(corpus, testSupport, FLUXION_JAR));
        int points = Corpus.all().stream().mapToInt(c -> c.points().length).sum();
        assertEquals(points, onDemand.lines().count(), onDemand);
        assertEquals(byPlugin, onDemand);
    }

    /** Runs the plugin's directory transformation over {@code classes}: the classes it wrote are used. */
    private static void transformLikeThePlugin(Path classes, List<Path> classPath) throws Exception {
        List<?> written = PluginTransformation.transform(classes, classPath);
        assertTrue(written.size() > 10, "the plugin transformed " + written); // then the classes it wrote are used
    }

    private static String join(Path... paths) {
        return Arrays.stream(paths).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String java(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(options));
        command.add(CorpusValues.class.getName());
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", options) + "\n" + Files.readString(err));
        return out;
    }
}
