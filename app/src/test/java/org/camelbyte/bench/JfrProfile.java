package org.camelbyte.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A JFR recording of this JVM with the JDK's "profile" settings (execution samples every 10 ms, among
 * others), started and stopped around a phase's timed part so the app's start-up is not in it.
 */
final class JfrProfile implements AutoCloseable {
    private final Recording recording;

    private JfrProfile(Recording recording) {
        this.recording = recording;
    }

    static JfrProfile start() throws IOException, ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setName("bench-app");
        recording.start();
        return new JfrProfile(recording);
    }

    /** Stops the recording and writes it to {@code file}. */
    void stopAndDump(Path file) throws IOException {
        recording.stop();
        recording.dump(file);
    }

    @Override
    public void close() {
        recording.close();
    }
}
