package io.github.apigwddb.check;

/** Where the core says what it does; the Maven layer maps it to Maven's log. */
public interface CheckLog {

    void debug(String message);

    void info(String message);

    void warn(String message);

    CheckLog SILENT = new CheckLog() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
