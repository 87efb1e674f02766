package io.github.apigwddb.maven;

import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.report.ConsoleFormat;
import org.apache.maven.plugin.logging.Log;

/**
 * Sends the core's progress lines to Maven's log, each on one line without control characters: they name files and
 * operations of the project, and a file named {@code "a\n[ERROR] ..."} must not forge a line (hostile-input review).
 */
record MavenLogAdapter(Log log) implements CheckLog {

    @Override
    public void debug(String message) {
        log.debug(ConsoleFormat.printable(message));
    }

    @Override
    public void info(String message) {
        log.info(ConsoleFormat.printable(message));
    }

    @Override
    public void warn(String message) {
        log.warn(ConsoleFormat.printable(message));
    }
}
