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
 * Adds the derivative methods of every {@code @Differentiable} method to the compiled classes
 * ({@code target/classes}), so the program runs without the Fluxion agent. Classes already
 * transformed are left alone; if any method cannot be differentiated the build fails and no class
 * file is changed.
 */
@Mojo(name = "transform", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class TransformMojo extends AbstractTransformMojo {

    /** The directory whose class files are transformed. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    @Override
    protected File classesDirectory() {
        return classesDirectory;
    }

    @Override
    protected List<String> classPathElements() throws MojoExecutionException {
        try {
            return project.getCompileClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("fluxion: compile class path not resolved", e);
        }
    }
}
