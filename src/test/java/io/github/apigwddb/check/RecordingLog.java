package io.github.apigwddb.check;

import java.util.ArrayList;
import java.util.List;

/** A {@link CheckLog} that keeps what the check says, by level, for tests to assert on. */
final class RecordingLog implements CheckLog {

    final List<String> debug = new ArrayList<>();
    final List<String> info = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    @Override
    public void debug(String message) {
        debug.add(message);
    }

    @Override
    public void info(String message) {
        info.add(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }
}
