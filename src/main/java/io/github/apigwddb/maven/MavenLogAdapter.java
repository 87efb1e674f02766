package io.github.apigwddb.maven;

import io.github.apigwddb.check.CheckLog;
import org.apache.maven.plugin.logging.Log;

/** Sends the core's progress lines to Maven's log. */
record MavenLogAdapter(Log log) implements CheckLog {

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }
}
