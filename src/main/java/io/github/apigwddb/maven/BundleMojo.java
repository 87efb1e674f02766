package io.github.apigwddb.maven;

import io.github.apigwddb.bundle.BundleNames;
import io.github.apigwddb.bundle.BundleOptions;
import io.github.apigwddb.bundle.BundleProblem;
import io.github.apigwddb.bundle.SpecBundler;
import io.github.apigwddb.spec.LoadResult;
import io.github.apigwddb.spec.SourceRoot;
import io.github.apigwddb.spec.SpecKind;
import io.github.apigwddb.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    @Parameter(property = "apigw.stripExtensions", defaultValue = "true")
    private boolean stripExtensions;

    /** Attaches the bundles to the project (classifier {@code apigateway}, or {@code apigateway-<name>} for several). */
    @Parameter(property = "apigw.attach", defaultValue = "true")
    private boolean attach;

    /** Bundles without running the check first. The bundle is then not known to pass it. */
    @Parameter(property = "apigw.skipCheck", defaultValue = "false")
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
        requireKnownParameters();
        BundleOptions.Format outputFormat = outputFormat();
        List<Path> files;
        if (flag(skipCheck, "apigw.skipCheck", "apigw.bundle.skipCheck")) {
            getLog().warn("apigw:bundle: the check is skipped (apigw.skipCheck); the bundle is not known to pass it");
            files = specFiles();
        } else {
            files = checkUnderGate();
        }
        SpecLoader loader = new SpecLoader(SourceRoot.of(repositoryRoot()));
        SpecBundler bundler = new SpecBundler();
        BundleOptions options = new BundleOptions(outputFormat, flag(stripExtensions, "apigw.stripExtensions", "apigw.bundle.stripExtensions"),
                deploymentValues(), repositoryRoot()); // as the check reads: a sibling module's shared schemas, nothing outside
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
        Map<Path, SpecBundler.Bundle> bundles = new LinkedHashMap<>();
        for (Path file : apis) {
            SpecBundler.Bundle bundle = bundler.bundle(loader.load(file).spec(), options);
            if (!bundle.ok()) {
                bundle.problems().stream().map(BundleProblem::toString).forEach(problems::add);
                continue;
            }
            bundles.put(file, bundle);
        }
        List<BundleNames.Named> names;
        try {
            Map<Path, BundleOptions.Format> formats = new LinkedHashMap<>();
            bundles.forEach((file, bundle) -> formats.put(file, bundle.format()));
            names = BundleNames.of(formats, basedir.toPath());
        } catch (BundleNames.ClashException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (BundleNames.Named named : names) {
            SpecBundler.Bundle bundle = bundles.get(named.source());
            Path target = outputDirectory.toPath().resolve(named.fileName());
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, bundle.text(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write the bundle " + target + ": " + e.getMessage(), e);
            }
            if (attach() && project != null) {
                projectHelper.attachArtifact(project, bundle.format() == BundleOptions.Format.JSON ? "json" : "yaml", named.classifier(),
                        target.toFile());
                getLog().info("apigw:bundle: wrote " + target + ", attached with classifier " + named.classifier());
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
            throw new MojoExecutionException("<format> (apigw.format) is '" + format + "'; use json or yaml"); // complete: no cause to append
        }
    }

    /** {@code apigw.attach}, or the older {@code apigw.bundle.attach}. */
    private boolean attach() {
        return flag(attach, "apigw.attach", "apigw.bundle.attach");
    }
}
