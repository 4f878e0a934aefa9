package dev.fluxion.ondemand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The documentation's examples, compiled and run, so that {@code README.md} and {@code docs/*.md}
 * cannot drift from the code. One test per code block, named by its page and line.
 *
 * <h2>The convention (also in {@code docs/testing.md})</h2>
 * <ul>
 *   <li>A {@code ```java} block is a complete source file. It is compiled on its own with javac
 *       against {@code target/fluxion.jar}, in a file named after its public top-level type. If it
 *       has a {@code main} method, that type is run in a fresh JVM with {@code -cp <its
 *       classes>:target/fluxion.jar} and nothing else: no agent, no plugin, derivatives on demand.
 *       It must exit normally. A block without {@code main} is only compiled.</li>
 *   <li>A {@code ```text} block is the output of the {@code ```java} block right before it (the
 *       fenced block before it must be one, with {@code main}): what the program prints on
 *       standard output must equal the block, line for line (spaces at line ends and blank lines at
 *       the end aside). Outputs that no example here prints (a sample program's, Maven's, an
 *       excerpt's) are plain {@code ```} blocks.</li>
 *   <li>An HTML comment on the line right before a block's opening fence changes that:
 *     <ul>
 *       <li>{@code <!-- run with the plugin -->} (a java block): before it runs, its classes are
 *           transformed by {@code fluxion-maven-plugin}'s directory transformation, as a build with
 *           the plugin would; for {@code @GradientOf}, which derivatives on demand cannot serve.</li>
 *       <li>{@code <!-- excerpt of PATH -->} (any block): the block is a verbatim excerpt of the
 *           repository's file {@code PATH} (its lines in a row, compared with the spaces around them
 *           stripped). That file is compiled, and run or tested, by its own module's build; the block
 *           is not compiled here. For code that needs Hipparchus, Kotlin or data files.</li>
 *       <li>{@code <!-- wrapped -->} (a text block): compared with every run of white space, line
 *           breaks included, taken as one space, so that long messages can be wrapped for reading.</li>
 *     </ul></li>
 *   <li>Other blocks ({@code ```bash}, {@code ```xml}, {@code ```kotlin}, plain {@code ```}) are
 *       not run.</li>
 * </ul>
 * Besides, every relative link of the pages must lead to a file of the repository, and a link to a
 * heading of a page to a heading there; and every page under {@code docs/} must be linked from the
 * README.
 *
 * <p>The programs run with {@code -Duser.language=en -Duser.country=US}, so that formatted numbers
 * do not depend on the machine's locale. The outputs shown were printed by HotSpot (JDK 17) on x86-64;
 * {@code java.lang.Math} may by its specification give another last digit on another platform. Each block's source, classes and output are left under
 * {@code target/docs-examples/} for a look when a test fails.
 */
class DocsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path FLUXION_JAR = Path.of("target/fluxion.jar").toAbsolutePath();
    private static final Path WORK = Path.of("target/docs-examples").toAbsolutePath();

    private static final Pattern DIRECTIVE = Pattern.compile("<!--\\s*(.*?)\\s*-->");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|strictfp)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern ANY_TYPE = Pattern.compile(
            "^(?:(?:final|abstract|sealed|strictfp)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern MAIN = Pattern.compile("static\\s+void\\s+main\\s*\\(");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    /** A fenced code block: its page, the line of its opening fence, its info string, the comment before it. */
    record Block(Path page, int line, String info, String directive, String text) {
        String where() {
            return ROOT.relativize(page) + ":" + line;
        }

        boolean isJava() {
            return info.equals("java") && !isExcerpt();
        }

        boolean isExcerpt() {
            return directive != null && directive.startsWith("excerpt of ");
        }

        boolean hasMain() {
            return MAIN.matcher(text).find();
        }
    }

    @TestFactory
    Stream<DynamicTest> codeBlocks() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages()) {
            List<Block> blocks = blocks(page);
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                Block previous = i > 0 ? blocks.get(i - 1) : null;
                if (b.directive() != null && !b.isExcerpt() && !(b.isJava() && b.directive().equals("run with the plugin"))
                        && !(b.info().equals("text") && b.directive().equals("wrapped"))) {
                    tests.add(DynamicTest.dynamicTest(b.where() + " directive", () -> fail(b.where() + ": unknown "
                            + "directive <!-- " + b.directive() + " --> before a ```" + b.info() + " block")));
                } else if (b.isExcerpt()) {
                    tests.add(DynamicTest.dynamicTest(b.where() + " " + b.directive(), () -> checkExcerpt(b)));
                } else if (b.isJava()) {
                    Block output = next != null && next.info().equals("text") ? next : null;
                    String name = b.where() + " " + mainType(b.text()) + (b.hasMain() ? output != null
                            ? " (run, output compared)" : " (run)" : " (compiled)");
                    tests.add(DynamicTest.dynamicTest(name, () -> compileAndRun(b, output)));
                } else if (b.info().equals("text") && (previous == null || !previous.isJava() || !previous.hasMain())) {
                    tests.add(DynamicTest.dynamicTest(b.where() + " text", () -> fail(b.where() + ": a ```text block is "
                            + "the output of the ```java block with main right before it, and there is none: make it a "
                            + "plain ``` block")));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> links() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages()) {
            String prose = proseOf(page);
            Matcher m = LINK.matcher(prose);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                int line = 1 + (int) prose.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                tests.add(DynamicTest.dynamicTest(ROOT.relativize(page) + ":" + line + " -> " + target,
                        () -> checkLink(page, target)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyPageIsLinkedFromTheReadme() {
        String readme = proseOf(ROOT.resolve("README.md"));
        List<Path> pages = pages();
        assertTrue(pages.size() > 1, "docs/*.md: " + pages);
        for (Path page : pages.subList(1, pages.size())) {
            String name = ROOT.relativize(page).toString().replace(File.separatorChar, '/');
            assertTrue(readme.contains("](" + name + ")") || readme.contains("](" + name + "#"),
                    "README.md does not link to " + name);
        }
    }

    /** README.md, then docs/*.md in order of name. */
    private static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    static List<Block> blocks(Path page) {
        List<String> lines = read(page).lines().toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            String info = line.substring(3).trim();
            String directive = null;
            if (i > 0) {
                Matcher d = DIRECTIVE.matcher(lines.get(i - 1).trim());
                if (d.matches()) {
                    directive = d.group(1);
                }
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            if (i == lines.size()) {
                throw new IllegalStateException(page + ":" + (start + 1) + ": a code block that is never closed");
            }
            blocks.add(new Block(page, start + 1, info, directive, text.toString()));
        }
        return blocks;
    }

    private static void compileAndRun(Block b, Block output) throws Exception {
        String type = mainType(b.text());
        Matcher p = PACKAGE.matcher(b.text());
        String pkg = p.find() ? p.group(1) : "";
        Path dir = WORK.resolve(ROOT.relativize(b.page()).toString().replaceAll("[/\\\\.]", "_") + "-" + b.line());
        Path sources = dir.resolve("src");
        Path classes = dir.resolve("classes");
        deleteRecursively(dir);
        Files.createDirectories(classes);
        Path source = sources.resolve(pkg.replace('.', '/')).resolve(type + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, b.text());
        compile(b, source, classes);
        if ("run with the plugin".equals(b.directive())) {
            List<?> written = PluginTransformation.transform(classes, List.of(classes, FLUXION_JAR));
            assertFalse(written.isEmpty(), b.where() + ": the plugin transformed no class");
        }
        if (!b.hasMain()) {
            assertTrue(output == null, b.where() + ": a block without main has no output to compare");
            return;
        }
        String mainClass = pkg.isEmpty() ? type : pkg + "." + type;
        String stdout = run(b, dir, classes, mainClass);
        if (output != null) {
            boolean wrapped = "wrapped".equals(output.directive());
            assertEquals(normalized(output.text(), wrapped), normalized(stdout, wrapped), b.where()
                    + ": the output of " + mainClass + " is not what " + output.where() + " shows");
        }
    }

    private static void compile(Block b, Path source, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(source);
            List<String> options = List.of("-cp", FLUXION_JAR.toString(), "-d", classes.toString(), "-encoding", "UTF-8",
                    "-proc:none");
            boolean ok = javac.getTask(diagnostics, files, null, options, null, units).call();
            assertTrue(ok, b.where() + " does not compile:\n" + diagnostics);
        }
    }

    private static String run(Block b, Path dir, Path classes, String mainClass) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-Duser.country=US",
                "-cp", classes + File.pathSeparator + FLUXION_JAR, mainClass);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(b.where() + ": " + mainClass + " did not finish in 300 s");
        }
        assertEquals(0, process.exitValue(), () -> b.where() + ": " + mainClass + " failed:\n" + read(err));
        return read(out);
    }

    /** Lines without the spaces at their ends, without blank lines at the end; or, wrapped, all white space as one space. */
    private static String normalized(String text, boolean wrapped) {
        if (wrapped) {
            return text.replaceAll("\\s+", " ").trim();
        }
        List<String> lines = text.lines().map(String::stripTrailing).collect(Collectors.toCollection(ArrayList::new));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    private static void checkExcerpt(Block b) {
        Path file = ROOT.resolve(b.directive().substring("excerpt of ".length()).trim());
        assertTrue(Files.isRegularFile(file), b.where() + ": no file " + file);
        List<String> excerpt = b.text().lines().map(String::strip).toList();
        List<String> lines = read(file).lines().map(String::strip).toList();
        int best = 0;
        int bestAt = 0;
        for (int at = 0; at + excerpt.size() <= lines.size(); at++) {
            int n = 0;
            while (n < excerpt.size() && excerpt.get(n).equals(lines.get(at + n))) {
                n++;
            }
            if (n == excerpt.size()) {
                return;
            }
            if (n > best) {
                best = n;
                bestAt = at;
            }
        }
        fail(b.where() + ": not an excerpt of " + ROOT.relativize(file) + ": its line " + (best + 1) + ", \""
                + excerpt.get(best) + "\", is not in the file" + (best > 0 ? " after line " + (bestAt + best) : ""));
    }

    private static void checkLink(Path page, String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        assertTrue(file.startsWith(ROOT) && Files.exists(file), ROOT.relativize(page) + ": the link " + target
                + " leads to no file of the repository");
        if (hash >= 0 && file.toString().endsWith(".md")) {
            String anchor = target.substring(hash + 1);
            Set<String> anchors = anchors(file);
            assertTrue(anchors.contains(anchor), ROOT.relativize(page) + ": the link " + target + " leads to no heading of "
                    + ROOT.relativize(file) + "; its headings: " + anchors);
        }
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path page) {
        Set<String> anchors = new HashSet<>();
        for (String line : proseOf(page).lines().toList()) {
            if (line.matches("#{1,6} .*")) {
                String slug = line.replaceFirst("#+ ", "").trim().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                String unique = slug;
                for (int n = 1; !anchors.add(unique); n++) {
                    unique = slug + "-" + n;
                }
            }
        }
        return anchors;
    }

    /** The page with its code blocks blanked out, line for line. */
    private static String proseOf(Path page) {
        StringBuilder prose = new StringBuilder();
        boolean inCode = false;
        for (String line : read(page).lines().toList()) {
            boolean fence = line.startsWith("```") || inCode && line.trim().equals("```");
            prose.append(inCode || fence ? "" : line).append('\n');
            if (fence) {
                inCode = !inCode;
            }
        }
        return prose.toString();
    }

    private static String mainType(String source) {
        Matcher m = PUBLIC_TYPE.matcher(source);
        if (m.find()) {
            return m.group(1);
        }
        m = ANY_TYPE.matcher(source);
        if (m.find()) {
            return m.group(1);
        }
        throw new AssertionError("a ```java block declares no top-level type:\n" + source);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, c) -> c.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
