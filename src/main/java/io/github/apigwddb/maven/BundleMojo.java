package io.github.apigwddb.maven;

import io.github.apigwddb.bundle.BundleOptions;
import io.github.apigwddb.bundle.BundleProblem;
import io.github.apigwddb.bundle.SpecBundler;
import io.github.apigwddb.spec.LoadResult;
import io.github.apigwddb.spec.SpecKind;
import io.github.apigwddb.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes each checked API definition as one self-contained, reproducible file to {@code target/apigw/} (local
 * {@code $ref}s inlined, {@code x-apigw-*} stripped, {@code {{apigw:name}}} deployment values filled in) and
 * attaches it to the build, for deployment pipelines to fetch from a Maven repository. Only a definition that
 * passes {@code check} under the configured gate is bundled: the check runs first (or is found up to date).
 */
@Mojo(name = "bundle", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BundleMojo extends CheckMojo {

    /** The output syntax, {@code json} or {@code yaml}; default: the source's. */
    @Parameter(property = "apigw.format")
    private String format;

    /** Removes the plugin's own extensions ({@code x-apigw-examples}, {@code x-apigw-ignore}): test data is no part of the API. */
    @Parameter(property = "apigw.bundle.stripExtensions", defaultValue = "true")
    private boolean stripExtensions;

    /** Attaches the bundles to the project (classifier {@code apigateway}, or {@code apigateway-<name>} for several). */
    @Parameter(property = "apigw.bundle.attach", defaultValue = "true")
    private boolean attach;

    /** Bundles without running the check first. The bundle is then not known to pass it. */
    @Parameter(property = "apigw.bundle.skipCheck", defaultValue = "false")
    private boolean skipCheck;

    private final MavenProjectHelper projectHelper;

    @Inject
    public BundleMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("apigw:bundle skipped (apigw.skip)");
            return;
        }
        BundleOptions.Format outputFormat = outputFormat();
        List<Path> files;
        if (skipCheck) {
            getLog().warn("apigw:bundle: the check is skipped (apigw.bundle.skipCheck); the bundle is not known to pass it");
            files = specFiles();
        } else {
            files = checkUnderGate();
        }
        SpecLoader loader = new SpecLoader();
        SpecBundler bundler = new SpecBundler();
        BundleOptions options = new BundleOptions(outputFormat, stripExtensions, deploymentValues(), basedir.toPath());
        List<Path> apis = new ArrayList<>();
        for (Path file : files) {
            LoadResult loaded = loader.load(file);
            if (loaded.spec() == null || loaded.spec().kind() == SpecKind.NOT_AN_API) {
                continue;
            }
            if (loaded.spec().kind() == SpecKind.CLOUDFORMATION) {
                getLog().info("apigw:bundle: " + file.getFileName() + " is a CloudFormation/SAM template; deploy the template itself (not bundled)");
                continue;
            }
            apis.add(file);
        }
        List<String> problems = new ArrayList<>();
        for (Path file : apis) {
            SpecBundler.Bundle bundle = bundler.bundle(loader.load(file).spec(), options);
            if (!bundle.ok()) {
                bundle.problems().stream().map(BundleProblem::toString).forEach(problems::add);
                continue;
            }
            String name = baseName(file);
            Path target = outputDirectory.toPath().resolve(name + (bundle.format() == BundleOptions.Format.JSON ? ".json" : ".yaml"));
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, bundle.text(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write the bundle " + target + ": " + e.getMessage(), e);
            }
            String classifier = apis.size() == 1 ? "apigateway" : "apigateway-" + name;
            if (attach && project != null) {
                projectHelper.attachArtifact(project, bundle.format() == BundleOptions.Format.JSON ? "json" : "yaml", classifier, target.toFile());
                getLog().info("apigw:bundle: wrote " + target + ", attached with classifier " + classifier);
            } else {
                getLog().info("apigw:bundle: wrote " + target);
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(getLog()::error);
            throw new MojoFailureException("apigw:bundle cannot write a self-contained definition: " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + " (see above)");
        }
    }

    private BundleOptions.Format outputFormat() throws MojoExecutionException {
        if (format == null || format.isBlank()) {
            return null;
        }
        try {
            return BundleOptions.Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<format> (apigw.format) is '" + format + "'; use json or yaml", e);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
