package io.github.apigwddb.maven;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.cloudformation.ParameterFiles;
import io.github.apigwddb.cloudformation.TemplateParameters;
import io.github.apigwddb.dynamodb.schema.TableSchemaReader;
import io.github.apigwddb.dynamodb.schema.TableSchemas;
import io.github.apigwddb.gate.Baseline;
import io.github.apigwddb.gate.FileTree;
import io.github.apigwddb.gate.Gate;
import io.github.apigwddb.gate.GateConfigurationException;
import io.github.apigwddb.gate.GateOutcome;
import io.github.apigwddb.gate.RuleSettings;
import io.github.apigwddb.gate.SpecFileFilter;
import io.github.apigwddb.gate.SuppressedFinding;
import io.github.apigwddb.spec.Utf8Text;
import io.github.apigwddb.report.ConsoleFormat;
import io.github.apigwddb.spec.SourceRoot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/** Parameters every goal shares, and turning them into paths and values the core understands. */
abstract class AbstractApigwMojo extends AbstractMojo {

    static final String DEFAULT_SPEC_DIRECTORY = "src/main/apigateway";
    static final String DEFAULT_EXAMPLES_DIRECTORY = "src/test/apigateway/examples";

    /** Skips every goal of this plugin. */
    @Parameter(property = "apigw.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * API definition files, or directories searched recursively for {@code *.json}, {@code *.yaml} and
     * {@code *.yml}. Default: {@code src/main/apigateway}. A path named here that does not exist is an error, but for
     * the default written out, and in a multi-module build for a setting a module inherits or that is given on the
     * command line (a module without the path has nothing to check).
     */
    @Parameter(property = "apigw.specs")
    protected List<File> specs;

    /**
     * Globs of the spec files to read, relative to each directory in {@code specs}, e.g. {@code **}{@code /*.yaml};
     * default: every {@code *.json}, {@code *.yaml} and {@code *.yml}. A leading {@code **}{@code /} also matches
     * files directly in the directory. Files named in {@code specs} are always read.
     */
    @Parameter(property = "apigw.includes")
    protected List<String> includes;

    /** Globs of spec files not to read, relative to each directory in {@code specs}, e.g. {@code legacy/**}; win over includes. */
    @Parameter(property = "apigw.excludes")
    protected List<String> excludes;

    /** Where sidecar example files {@code <operationId>.(json|yaml)} are read from. */
    @Parameter(property = "apigw.examplesDirectory", defaultValue = "${project.basedir}/src/test/apigateway/examples")
    protected File examplesDirectory;

    /**
     * Stage variables for every render, as {@code name=value,name=value}; an example's own
     * {@code stageVariables} win.
     */
    @Parameter(property = "apigw.stageVariables")
    protected String stageVariables;

    /**
     * CloudFormation parameter values (also {@code AWS::Region}, {@code AWS::AccountId}) and values of other
     * tools' template placeholders, as {@code Name=Value,Name=Value}; they win over {@link #parametersFile}.
     */
    @Parameter(property = "apigw.parameters")
    protected String parameters;

    /**
     * A file of parameter values: {@code aws cloudformation} parameter JSON, {@code --parameter-overrides}
     * JSON or {@code Key=Value} words, or a {@code samconfig.toml} ({@code parameter_overrides}).
     */
    @Parameter(property = "apigw.parametersFile")
    protected File parametersFile;

    /**
     * S3 locations of API definitions ({@code AWS::Include}, {@code DefinitionUri}, {@code BodyS3Location})
     * mapped to project files: {@code s3://bucket/api.yaml=src/main/apigateway/api.yaml,...}. Unmapped, the
     * file of the key's name next to the template is read.
     */
    @Parameter(property = "apigw.s3Locations")
    protected String s3Locations;

    /**
     * Files with DynamoDB table definitions that requests are checked against (rule DDB013): each a CreateTable
     * request (JSON or YAML), an array of them, a DescribeTable response or a CloudFormation/SAM template.
     * A file named here that does not exist is an error.
     */
    @Parameter(property = "apigw.tables")
    protected List<File> tables;

    /**
     * Deployment values for {@code {{apigw:name}}} placeholders in the definitions, as {@code name=value,name=value};
     * they win over {@link #valuesFile}. The check renders with them filled in, and the bundle is written with them.
     */
    @Parameter(property = "apigw.values")
    protected String values;

    /** A properties file of deployment values for {@code {{apigw:name}}} placeholders. */
    @Parameter(property = "apigw.valuesFile")
    protected File valuesFile;

    /**
     * Per-rule level: {@code error}, {@code warning}, {@code info} or {@code off}, e.g.
     * {@code <rules><AGW011>error</AGW011><MAP012>off</MAP012></rules>}. Rule ids: docs/rules/README.md.
     * On the command line: {@code -Dapigw.rules=AGW011=error,MAP012=off} (see {@link #ruleLevels}).
     */
    @Parameter
    protected Map<String, String> rules;

    /**
     * Per-rule levels as text, {@code AGW011=error,MAP012=off}, the command-line form of {@code <rules>}; win over it.
     * Also read from {@code -Dapigw.rules}.
     */
    @Parameter(property = "apigw.ruleLevels")
    protected String ruleLevels;

    /** The committed file of accepted findings: those in it do not fail the build, and are not shown as findings. */
    @Parameter(property = "apigw.baseline", defaultValue = "${project.basedir}/" + Baseline.DEFAULT_FILE_NAME)
    protected File baseline;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    /** Fails on a misspelt parameter in the POM ({@code <failon>}), which Maven would drop without a word. */
    protected void requireKnownParameters() throws MojoExecutionException {
        PomConfiguration.requireKnownNames(project, mojoExecution);
    }

    /**
     * A boolean parameter, or its older property name given on the command line instead ({@code -Dapigw.baseline.update}
     * next to {@code apigw.updateBaseline}): documented names keep working.
     */
    protected boolean flag(boolean value, String property, String alias) {
        String given = aliasValue(property, alias);
        return given == null ? value : given.isEmpty() || Boolean.parseBoolean(given.trim());
    }

    /** A text parameter, or its older property name given on the command line instead. */
    protected String text(String value, String property, String alias) {
        String given = aliasValue(property, alias);
        return given == null ? value : given;
    }

    private String aliasValue(String property, String alias) {
        java.util.Properties user = session == null ? null : session.getUserProperties();
        if (user == null || user.containsKey(property)) {
            return null;
        }
        return user.getProperty(alias);
    }

    /** {@code <rules>} overlaid with {@code apigw.ruleLevels} (or {@code apigw.rules}). */
    protected RuleSettings ruleSettings() throws MojoExecutionException {
        try {
            boolean alias = aliasValue("apigw.ruleLevels", "apigw.rules") != null;
            String levels = text(ruleLevels, "apigw.ruleLevels", "apigw.rules");
            // an error names what the user wrote: -Dapigw.rules is the documented short form
            Map<String, String> parsed = alias ? parsePairs("-Dapigw.rules", levels) : parseMap("ruleLevels", levels);
            return RuleSettings.parse("<rules> / apigw.rules", rules, parsed);
        } catch (GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    protected Baseline readBaseline(Path file) throws MojoExecutionException {
        boolean isDefault = file.equals(basedir.toPath().resolve(Baseline.DEFAULT_FILE_NAME).toAbsolutePath().normalize());
        if (!isDefault && !Files.exists(file) && setForOtherModules("baseline")) {
            // a baseline a parent names for every module, not written yet: nothing accepted, as for the default one
            getLog().debug("No baseline " + file + " yet: nothing is accepted");
        } else if (!isDefault && !Files.exists(file)) {
            // a misspelt name would otherwise accept nothing, and fail or pass the build on other findings than meant
            throw new MojoExecutionException("The baseline " + file + " named in <baseline> (apigw.baseline) does not exist; name an"
                    + " existing file, or write it with -Dapigw.updateBaseline");
        }
        try {
            return Baseline.read(file, basedir.toPath());
        } catch (GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage()); // complete: Maven would append a cause's message again
        }
    }

    /**
     * The check as documentation shows it: the same inputs as {@code check}, findings after the same rule levels,
     * {@code x-apigw-ignore} and baseline, so the pages show what the build judges.
     */
    protected CheckResult checkForDocumentation(List<Path> files) throws MojoExecutionException {
        RuleSettings ruleSettings = ruleSettings();
        Path baselineFile = baseline.toPath().toAbsolutePath().normalize();
        Baseline accepted = readBaseline(baselineFile);
        CheckResult result = new CheckEngine().run(checkRequest(files, 1), new MavenLogAdapter(getLog()));
        GateOutcome outcome = new Gate(ruleSettings, accepted, baselineFile.getFileName().toString(), SourceRoot.of(repositoryRoot())).apply(result);
        if (!outcome.suppressed().isEmpty()) {
            // pages without them read as clean: say they exist
            getLog().info("apigw: " + outcome.suppressed().size() + " finding" + (outcome.suppressed().size() == 1 ? " is" : "s are")
                    + " accepted (" + outcome.suppressedCount(SuppressedFinding.Kind.BASELINE) + " by the baseline "
                    + baselineFile.getFileName() + ", " + outcome.suppressedCount(SuppressedFinding.Kind.IN_SOURCE)
                    + " by x-apigw-ignore) and not shown in the documentation; apigw:render shows those of an example");
        }
        return outcome.appliedTo(result);
    }

    /**
     * Says there is nothing to {@code verb}: at info when there are no definitions, as a warning when there are and
     * {@code includes}/{@code excludes} leave them all out (a mistyped glob must not turn the check off unseen).
     */
    protected void logNoDefinitions(String verb) throws MojoExecutionException {
        int leftOut = specFiles(specFileFilter(null, null)).size();
        if (leftOut > 0) {
            getLog().warn(noDefinitionsMessage(verb, leftOut));
        } else {
            getLog().info(noDefinitionsMessage(verb, 0));
        }
    }

    /** Why there is nothing to {@code verb}: no definitions, or none that includes and excludes leave. */
    protected String noDefinitionsMessage(String verb) throws MojoExecutionException {
        return noDefinitionsMessage(verb, specFiles(specFileFilter(null, null)).size());
    }

    /** @param leftOut the definition files includes and excludes leave out */
    private String noDefinitionsMessage(String verb, int leftOut) {
        if (leftOut == 0) {
            return "No API definitions in " + specLocations() + ": nothing to " + verb;
        }
        return leftOut + (leftOut == 1 ? " definition file is" : " definition files are") + " in " + specLocations()
                + ", but includes " + (includes == null || includes.isEmpty() ? "(all)" : includes)
                + (excludes == null || excludes.isEmpty() ? "" : " and excludes " + excludes) + " leave none (apigw.includes,"
                + " apigw.excludes: globs relative to each spec directory, such as **/*.yaml): nothing to " + verb;
    }

    /** The spec paths as configured, for messages: {@code src/main/apigateway} or the named ones. */
    protected String specLocations() {
        if (specs == null || specs.isEmpty()) {
            return DEFAULT_SPEC_DIRECTORY;
        }
        return String.join(", ", specs.stream().map(File::getPath).toList());
    }

    /** A configured file, relative to the project directory unless absolute; null stays null. */
    protected Path resolve(File file) {
        if (file == null) {
            return null;
        }
        return (file.isAbsolute() ? file.toPath() : basedir.toPath().resolve(file.toPath())).toAbsolutePath().normalize();
    }

    /**
     * The files of {@code apigw.tables}.
     *
     * @throws MojoExecutionException when a named file does not exist
     */
    protected List<Path> tableFiles() throws MojoExecutionException {
        List<Path> files = new ArrayList<>();
        for (File table : tables == null ? List.<File>of() : tables) {
            Path path = resolve(table);
            if (!Files.isRegularFile(path)) {
                throw new MojoExecutionException("The table definition file " + path + " named in <tables> (apigw.tables) does not exist");
            }
            files.add(path);
        }
        return files;
    }

    /** The files the configuration names as inputs of the check besides specs and examples: tables, parameters, values, S3 locations. */
    protected List<Path> configuredInputFiles() throws MojoExecutionException {
        List<Path> files = new ArrayList<>(tableFiles());
        if (parametersFile != null) {
            files.add(resolve(parametersFile));
        }
        if (valuesFile != null) {
            files.add(resolve(valuesFile));
        }
        files.addAll(templateParameters().s3Locations().values());
        return files;
    }

    /**
     * The spec files to read, sorted; empty when the project has no API (then the goal is skipped).
     *
     * @throws MojoExecutionException when a path named in {@code apigw.specs} does not exist
     */
    protected List<Path> specFiles() throws MojoExecutionException {
        List<Path> notRead = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        List<Path> outside = new ArrayList<>();
        SourceRoot bound = SourceRoot.of(repositoryRoot());
        List<Path> files = specFiles(basedir, specs, specFileFilter(), notRead, specsForOtherModules() ? missing : null, bound, outside);
        for (Path path : missing) {
            getLog().info("No " + basedir.toPath().relativize(path.toAbsolutePath()) + " in this module, which <specs> (apigw.specs)"
                    + " names for the whole build: nothing to check there");
        }
        if (files.isEmpty() && !missing.isEmpty()) {
            warnWhenNoModuleHasSpecs();
        }
        warnNotRead(notRead);
        for (Path file : outside) {
            getLog().warn(ConsoleFormat.printable("Not reading " + basedir.toPath().relativize(file.toAbsolutePath()) + ": " + bound.refusal("it", file)
                    + ", or name its directory in <specs> (apigw.specs) if the build is meant to read a shared one"));
        }
        return files;
    }

    /**
     * Warns, once a build, when no module of the build has any path {@code <specs>} names: set in a parent POM or on the
     * command line, a misspelt path would check nothing anywhere, with no more than an info line per module.
     */
    private void warnWhenNoModuleHasSpecs() {
        Path here = basedir.toPath().toAbsolutePath().normalize();
        List<Path> named = specs.stream().map(spec -> here.relativize(here.resolve(spec.toPath()).normalize())).toList();
        List<MavenProject> modules = session.getProjects();
        boolean anywhere = modules.stream().anyMatch(module -> named.stream().anyMatch(
                path -> Files.exists(module.getBasedir().toPath().toAbsolutePath().resolve(path))));
        if (anywhere || session.getRepositorySession() == null) {
            return;
        }
        SessionData data = session.getRepositorySession().getData();
        if (data.set(SPECS_NOWHERE_WARNED, null, Boolean.TRUE)) {
            getLog().warn("None of the " + modules.size() + " modules of this build has " + String.join(", ", named.stream()
                    .map(Path::toString).toList()) + ", which <specs> (apigw.specs) names: nothing is checked; check the spelling");
        }
    }

    /** Session data key: the warning that no module has the specs was given in this build. */
    private static final String SPECS_NOWHERE_WARNED = AbstractApigwMojo.class.getName() + ".specsNowhere";

    /** The spec files {@code filter} leaves, quietly (for what to say when there are none). */
    protected List<Path> specFiles(SpecFileFilter filter) throws MojoExecutionException {
        return specFiles(basedir, specs, filter, new ArrayList<>(), specsForOtherModules() ? new ArrayList<>() : null,
                SourceRoot.of(repositoryRoot()), new ArrayList<>());
    }

    private void warnNotRead(List<Path> notRead) {
        for (Path file : notRead) {
            getLog().warn(ConsoleFormat.printable(basedir.toPath().relativize(file.toAbsolutePath()) + " is named like a definition but"
                    + " is no regular file (a broken link, a pipe or a device): not read"));
        }
    }

    /**
     * The sidecar examples directory. The default may be missing (a project without sidecar files); a directory
     * the user named that does not exist is a typo, and would otherwise leave every sidecar example silently unread.
     */
    protected Path examplesDirectory() throws MojoExecutionException {
        Path path = examplesDirectory.isAbsolute() ? examplesDirectory.toPath() : basedir.toPath().resolve(examplesDirectory.toPath());
        path = path.toAbsolutePath().normalize();
        boolean isDefault = path.equals(basedir.toPath().resolve(DEFAULT_EXAMPLES_DIRECTORY).toAbsolutePath().normalize());
        if (!isDefault && !Files.isDirectory(path)) {
            throw new MojoExecutionException("The examples directory " + path + " named in <examplesDirectory> (apigw.examplesDirectory)"
                    + (Files.exists(path) ? " is not a directory" : " does not exist") + "; name an existing directory, or remove"
                    + " the parameter to use " + DEFAULT_EXAMPLES_DIRECTORY);
        }
        return path;
    }

    /**
     * Whether {@code specs} was set for more modules than this one, in a build of several: inherited from a parent POM,
     * given on the command line, or set by this module for the modules it aggregates. Then a path it names that this
     * module does not have (the parent itself, a module of code) means nothing to check here, not a typo.
     */
    private boolean specsForOtherModules() {
        return setForOtherModules("specs");
    }

    /** Whether {@code parameter} was set for more modules than this one (see {@link #specsForOtherModules}). */
    private boolean setForOtherModules(String parameter) {
        boolean severalModules = session != null && session.getProjects() != null && session.getProjects().size() > 1;
        boolean aggregator = project != null && project.getModules() != null && !project.getModules().isEmpty();
        return severalModules && (aggregator || !PomConfiguration.ownPomConfigures(project, mojoExecution, parameter));
    }

    /**
     * @param notRead receives the files named like definitions that are no regular files
     * @param missing receives the named paths that do not exist, which are then no error; null to fail on one. The
     *     default directory written out is the default: missing, it means nothing to check
     */
    static List<Path> specFiles(File basedir, List<File> specs, SpecFileFilter filter, List<Path> notRead, List<Path> missing,
            SourceRoot bound, List<Path> outside) throws MojoExecutionException {
        List<Path> roots = new ArrayList<>();
        if (specs == null || specs.isEmpty()) {
            Path defaultDirectory = basedir.toPath().resolve(DEFAULT_SPEC_DIRECTORY);
            if (!Files.isDirectory(defaultDirectory)) {
                return List.of();
            }
            roots.add(defaultDirectory);
        } else {
            for (File spec : specs) {
                Path path = spec.isAbsolute() ? spec.toPath() : basedir.toPath().resolve(spec.toPath());
                boolean isDefault = path.toAbsolutePath().normalize().equals(basedir.toPath().resolve(DEFAULT_SPEC_DIRECTORY).toAbsolutePath().normalize());
                if (!Files.exists(path) && (isDefault || missing != null)) {
                    if (!isDefault) {
                        missing.add(path);
                    }
                    continue;
                }
                if (!Files.exists(path)) {
                    throw new MojoExecutionException("The spec path " + path + " named in <specs> (apigw.specs) does not exist;"
                            + " name existing files or directories, or remove the parameter to use " + DEFAULT_SPEC_DIRECTORY);
                }
                roots.add(path);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                files.add(root.toAbsolutePath().normalize());
                continue;
            }
            try {
                // links to directories are followed (a spec directory linked to a shared one of the repository is checked, not found
                // empty), but not out of the repository unless the POM names the directory there
                // filtered by every path that reaches a file, then each file once
                FileTree.once(FileTree.entries(root).stream().filter(AbstractApigwMojo::isSpecName).filter(file -> filter.accepts(root, file))
                        .toList()).stream().filter(file -> {
                    if (!bound.holdsFound(file, root)) {
                        outside.add(file); // a link to a file elsewhere: not read, as a $ref there would not be
                        return false;
                    }
                    if (Files.isRegularFile(file)) {
                        return true;
                    }
                    notRead.add(file); // a broken link, a pipe or a device named like a definition
                    return false;
                }).map(p -> p.toAbsolutePath().normalize()).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot list the spec directory " + root + ": " + e.getMessage(), e);
            }
        }
        return files.stream().distinct().toList();
    }

    /** The include/exclude globs; a pattern that is no glob fails with the reason. */
    protected SpecFileFilter specFileFilter() throws MojoExecutionException {
        return specFileFilter(includes, excludes);
    }

    static SpecFileFilter specFileFilter(List<String> includes, List<String> excludes) throws MojoExecutionException {
        try {
            return SpecFileFilter.of(includes, excludes);
        } catch (GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private static boolean isSpecName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /**
     * Reads {@code apigw.tables}; definitions that cannot be used come back as problems, reported as findings.
     *
     * @throws MojoExecutionException when a named file does not exist
     */
    protected TableSchemas tableSchemas() throws MojoExecutionException {
        List<Path> files = tableFiles();
        return files.isEmpty() ? TableSchemas.NONE : new TableSchemaReader().read(files);
    }

    /** The check request of this project's configuration, for every goal that runs the check. */
    protected CheckRequest checkRequest(List<Path> files, int threads) throws MojoExecutionException {
        Path examples = examplesDirectory();
        Map<String, String> stageVariables = stageVariableMap();
        TemplateParameters parameters = templateParameters();
        TableSchemas tables = tableSchemas();
        Map<String, String> values = deploymentValues();
        try {
            return new CheckRequest(files, examples, stageVariables, threads, parameters, tables, values, repositoryRoot());
        } catch (IllegalArgumentException e) { // the only argument the request refuses is the number of threads
            throw new MojoExecutionException("Invalid <threads> (apigw.threads): " + e.getMessage(), e);
        }
    }

    /** {@code apigw.valuesFile} overlaid with {@code apigw.values}. */
    protected Map<String, String> deploymentValues() throws MojoExecutionException {
        Map<String, String> result = new LinkedHashMap<>();
        if (valuesFile != null) {
            Path file = resolve(valuesFile);
            java.util.Properties properties = new java.util.Properties();
            try {
                // a byte order mark would become part of the first name
                properties.load(new java.io.StringReader(Utf8Text.readNamedFile(file)));
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read <valuesFile> (apigw.valuesFile): " + file + " " + e.getMessage());
            }
            new java.util.TreeMap<>(properties).forEach((k, v) -> result.put(k.toString(), v.toString()));
        }
        result.putAll(parseMap("values", values));
        return result;
    }

    /** Parses {@code name=value,name=value}. */
    protected Map<String, String> stageVariableMap() throws MojoExecutionException {
        return parseMap("stageVariables", stageVariables);
    }

    /** Parameter values and S3 location mappings for CloudFormation templates. */
    protected TemplateParameters templateParameters() throws MojoExecutionException {
        Map<String, String> values = new LinkedHashMap<>();
        if (parametersFile != null) {
            Path file = resolve(parametersFile);
            try {
                values.putAll(ParameterFiles.read(file));
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read <parametersFile> (apigw.parametersFile): " + file + " " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("Cannot read <parametersFile> (apigw.parametersFile): " + e.getMessage());
            }
        }
        values.putAll(parseMap("parameters", parameters));
        Map<String, Path> locations = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : parseMap("s3Locations", s3Locations).entrySet()) {
            locations.put(entry.getKey(), basedir.toPath().resolve(entry.getValue()).toAbsolutePath().normalize());
        }
        return new TemplateParameters(values, locations);
    }

    static Map<String, String> parseMap(String parameter, String text) throws MojoExecutionException {
        return parsePairs("<" + parameter + "> (apigw." + parameter + ")", text);
    }

    /** @param shown how an error names the setting */
    private static Map<String, String> parsePairs(String shown, String text) throws MojoExecutionException {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new MojoExecutionException(shown + " takes name=value pairs separated by commas;"
                        + " '" + pair.trim() + "' has no name=value form");
            }
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return map;
    }

    /** The git top level above the project, else the reactor root: what report URIs are relative to. */
    protected Path repositoryRoot() {
        for (Path dir = basedir.toPath().toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        if (session != null && session.getExecutionRootDirectory() != null) {
            return Path.of(session.getExecutionRootDirectory());
        }
        return basedir.toPath().toAbsolutePath();
    }

    protected String pluginVersion() {
        return pluginVersion == null ? "unknown" : pluginVersion;
    }
}
