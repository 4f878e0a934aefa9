package dev.fluxion.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Like {@code transform}, for the test classes ({@code target/test-classes}), looked up against the
 * test class path.
 */
@Mojo(name = "transform-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class TransformTestsMojo extends AbstractTransformMojo {

    /** The directory whose class files are transformed. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true)
    private File testClassesDirectory;

    /** Skip only the test classes ({@code fluxion.skip} skips both goals). */
    @Parameter(property = "fluxion.skipTests", defaultValue = "false")
    private boolean skipTests;

    @Override
    protected File classesDirectory() {
        return testClassesDirectory;
    }

    @Override
    public void execute() throws MojoExecutionException, org.apache.maven.plugin.MojoFailureException {
        if (skipTests) {
            getLog().info("fluxion: test classes skipped (fluxion.skipTests)");
            return;
        }
        super.execute();
    }

    @Override
    protected List<String> classPathElements() throws MojoExecutionException {
        try {
            return project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("fluxion: test class path not resolved", e);
        }
    }
}
