package dev.fluxion.maven;

import dev.fluxion.transformer.diagnostics.Diagnostic;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The two goals differ only in which directory they transform and against which class path. */
abstract class AbstractTransformMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Skip the transformation. */
    @Parameter(property = "fluxion.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Where to write each {@code @Differentiable} method's SSA form and generated adjoint as text
     * ({@code <class>/<method>.ssa.txt}, {@code .adjoint.txt}). Relative paths are resolved against
     * the project's base directory. Unset: no dump.
     */
    @Parameter(property = "fluxion.dump")
    private File dump;

    /** The directory whose class files are transformed in place. */
    protected abstract File classesDirectory();

    /** The class path the classes were compiled against (directories and jars). */
    protected abstract List<String> classPathElements() throws MojoExecutionException;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("fluxion: skipped (fluxion.skip)");
            return;
        }
        File dir = classesDirectory();
        List<Path> classPath = new ArrayList<>();
        for (String element : classPathElements()) {
            classPath.add(Path.of(element));
        }
        ClassDirectoryTransformer.Result result;
        try {
            result = new ClassDirectoryTransformer(dir.toPath(), classPath, dumpDirectory()).run();
        } catch (ClassDirectoryTransformer.Failure f) {
            List<Diagnostic> diagnostics = f.diagnostics();
            for (Diagnostic d : diagnostics) {
                getLog().error(d.message());
            }
            StringBuilder message = new StringBuilder();
            message.append("fluxion: ").append(diagnostics.size())
                    .append(diagnostics.size() == 1 ? " method" : " methods")
                    .append(" cannot be differentiated; no class in ").append(dir).append(" was changed:");
            for (Diagnostic d : diagnostics) {
                message.append('\n').append(d.message());
            }
            throw new MojoFailureException(message.toString());
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("fluxion: cannot transform the classes in " + dir + ": " + e, e);
        }
        if (result.classes() > 0) {
            String linked = plural(result.lambdas(), "lambda") + " linked to the methods they call";
            getLog().info("fluxion: " + (result.methods() > 0 || result.lambdas() == 0
                    ? plural(result.methods(), "method") + " in " + plural(result.classes(), "class") + " differentiated"
                            + (result.lambdas() > 0 ? ", " + linked : "")
                    : linked + " (" + plural(result.classes(), "class") + ")") + (result.alreadyTransformed() > 0
                            ? " (" + plural(result.alreadyTransformed(), "class") + " already transformed)" : ""));
        } else if (result.alreadyTransformed() > 0) {
            getLog().info("fluxion: nothing to do, " + plural(result.alreadyTransformed(), "class")
                    + " already transformed");
        } else {
            getLog().warn("fluxion: no @Differentiable methods found in " + dir);
        }
    }

    private Path dumpDirectory() {
        File d = dump;
        if (d == null) {
            String property = System.getProperty("fluxion.dump");
            if (property == null || property.isEmpty()) {
                return null;
            }
            d = new File(property);
        }
        if (!d.isAbsolute()) {
            d = new File(project.getBasedir(), d.getPath());
        }
        return d.toPath();
    }

    private static String plural(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
    }
}
