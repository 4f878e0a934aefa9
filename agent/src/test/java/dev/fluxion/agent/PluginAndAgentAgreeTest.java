package dev.fluxion.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.corpus.Corpus;
import dev.fluxion.maven.ClassDirectoryTransformer;
import dev.fluxion.testing.CorpusClasses;
import dev.fluxion.testing.CorpusValues;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * The build-time path and the agent path make the same derivative methods. The corpus class files
 * are transformed by the plugin's directory transformation, and by the real agent jar in a JVM that
 * loads them; the agent's {@code -Dfluxion.dump=DIR} writes the classes it defined. The agent adds
 * reverse mode only (forward mode comes on demand, when asked for): each {@code fluxion$} method it
 * adds must be the plugin's, instruction for instruction, and {@link CorpusValues} must print the
 * same values and derivatives (forward mode's included) on both.
 */
class PluginAndAgentAgreeTest {
    private static final Path AGENT = Path.of("target/fluxion-agent.jar").toAbsolutePath();

    @TempDir
    static Path dir;

    /** Internal name to class bytes, each way. */
    private static final Map<String, byte[]> byPlugin = new TreeMap<>();
    private static final Map<String, byte[]> byAgent = new TreeMap<>();
    private static String valuesWithPluginClasses;
    private static String valuesWithAgent;

    @BeforeAll
    static void transformBothWays() throws Exception {
        // only what the corpus needs: the JVM appends the agent jar to the class path, so this module's
        // classes and an unshaded ASM on it would be loaded instead of the jar's own
        List<Path> lookup = Stream.of(CorpusValues.class, CorpusClasses.class, Fluxion.class)
                .map(PluginAndAgentAgreeTest::codeSource).distinct().collect(Collectors.toList());
        String classPath = lookup.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        Path pluginOutput = dir.resolve("plugin");
        CorpusClasses.copyTo(pluginOutput);
        for (Path file : new ClassDirectoryTransformer(pluginOutput, lookup, null).run().written()) {
            byte[] bytes = Files.readAllBytes(file);
            byPlugin.put(new ClassReader(bytes).getClassName(), bytes);
        }
        List<String> load = byPlugin.keySet().stream().map(n -> n.replace('/', '.')).collect(Collectors.toList());

        Path dump = Files.createDirectory(dir.resolve("agent-dump"));
        valuesWithAgent = java(load, "-javaagent:" + AGENT, "-Dfluxion.dump=" + dump, "-cp", classPath);
        // no agent here: the plugin's output comes first on the class path and is used as it is
        valuesWithPluginClasses = java(load, "-cp", pluginOutput + File.pathSeparator + classPath);
        try (Stream<Path> files = Files.list(dump)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                // the agent writes <name>.class, the class as it defined it, beside a directory of SSA dumps
                String fileName = file.getFileName().toString();
                if (fileName.startsWith("dev.fluxion.corpus.") && fileName.endsWith(".class")) {
                    byte[] bytes = Files.readAllBytes(file);
                    assertNull(byAgent.put(new ClassReader(bytes).getClassName(), bytes), "defined twice: " + fileName);
                }
            }
        }
    }

    @Test
    void bothWaysTransformTheSameClasses() {
        assertFalse(byPlugin.isEmpty());
        // the plugin also transforms a class that only makes lambdas of numbers (their bodies' derivatives,
        // which the agent generates when a call first meets them)
        Set<String> differentiated = new TreeSet<>();
        byPlugin.forEach((name, bytes) -> {
            if (generatedMethods(bytes).keySet().stream().anyMatch(m -> !isLambdaBodys(m))) {
                differentiated.add(name);
            }
        });
        assertEquals(differentiated, byAgent.keySet());
    }

    /** A member the plugin adds for the body of a lambda the class makes ({@code LambdaBodies}), or its table. */
    private static boolean isLambdaBodys(String method) {
        return method.contains("lambda$fluxion$") || method.startsWith("fluxion$lambdas(");
    }

    @Test
    void generatedMethodsAreIdentical() {
        for (Map.Entry<String, byte[]> e : byPlugin.entrySet()) {
            Map<String, String> plugin = generatedMethods(e.getValue());
            assertFalse(plugin.isEmpty(), e.getKey() + ": no generated methods");
            plugin.keySet().removeIf(PluginAndAgentAgreeTest::isLambdaBodys); // the agent generates them when called
            if (plugin.isEmpty()) {
                continue;
            }
            byte[] agentBytes = byAgent.get(e.getKey());
            assertNotNull(agentBytes, e.getKey() + " was not transformed by the agent");
            Map<String, String> agent = generatedMethods(agentBytes);
            // the agent adds reverse mode (its forward-mode members come on demand, when asked for)
            Set<String> forwardOnly = new TreeSet<>(plugin.keySet());
            forwardOnly.removeAll(agent.keySet());
            assertTrue(plugin.keySet().containsAll(agent.keySet()), e.getKey() + ": " + agent.keySet());
            forwardOnly.forEach(m -> assertTrue(m.matches(".*fluxion\\$(tangent|hvp|bindtangent|bindhvp|puretangent).*"),
                    e.getKey() + "." + m)); // tangents, Hessian-vector products (and the callees' pure tangents and
                                            // their adjoints they call), their binders and bridges
            for (String method : agent.keySet()) {
                assertEquals(plugin.get(method), agent.get(method), e.getKey() + "." + method);
            }
        }
    }

    @Test
    void derivativesAreIdentical() {
        int points = Corpus.all().stream().mapToInt(c -> c.points().length).sum();
        assertEquals(points, valuesWithPluginClasses.lines().count(), valuesWithPluginClasses);
        assertEquals(valuesWithPluginClasses, valuesWithAgent);
    }

    /** Method name and descriptor to access flags and instructions (frames, line numbers and locals included). */
    private static Map<String, String> generatedMethods(byte[] classBytes) {
        ClassNode node = new ClassNode();
        new ClassReader(classBytes).accept(node, 0);
        Map<String, String> methods = new TreeMap<>();
        for (MethodNode m : node.methods) {
            if (m.name.startsWith("fluxion$")) {
                Textifier text = new Textifier();
                m.accept(new TraceMethodVisitor(text));
                StringWriter out = new StringWriter();
                text.print(new PrintWriter(out));
                methods.put(m.name + m.desc, "access 0x" + Integer.toHexString(m.access) + "\n" + out);
            }
        }
        return methods;
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@link CorpusValues} in a new JVM; returns its standard output. */
    private static String java(List<String> classesToLoad, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(options));
        command.add(CorpusValues.class.getName());
        command.addAll(classesToLoad);
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", options) + "\n" + Files.readString(err));
        return out;
    }
}
