package org.camelbyte.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hot methods of a JFR recording: its execution samples (jdk.ExecutionSample) counted by top frame, and
 * by top app frame, the first frame from the top in org.camelbyte.* that is neither the stand-in's nor the
 * bench's own (both run in the same JVM as the app, so their samples are in the recording too).
 */
final class HotMethods {
    static final int TOP = 15;
    private static final String APP = "org.camelbyte.";
    private static final String STAND_IN = "org.camelbyte.standin.";
    private static final String BENCH = "org.camelbyte.bench.";

    private final Map<String, Integer> byTopFrame = new HashMap<>();
    private final Map<String, Integer> byAppFrame = new HashMap<>();
    private int samples;
    private int standInSamples;

    private HotMethods() {}

    static HotMethods of(Path recording) throws IOException {
        HotMethods hot = new HotMethods();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    hot.add(event.getStackTrace());
                }
            }
        }
        return hot;
    }

    private void add(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        byTopFrame.merge(name(frames.get(0)), 1, Integer::sum);
        boolean appCounted = false;
        boolean standIn = false;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            standIn |= type.startsWith(STAND_IN);
            if (!appCounted && type.startsWith(APP) && !type.startsWith(STAND_IN) && !type.startsWith(BENCH)) {
                byAppFrame.merge(name(frame), 1, Integer::sum);
                appCounted = true;
            }
        }
        if (standIn) {
            standInSamples++;
        }
    }

    /**
     * Class and method; a lambda's hidden class ({@code Foo$$Lambda$1599+0x00007f...}) under one name, the
     * same in every run, so its samples add up.
     */
    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName().replaceAll("\\$\\$Lambda[^.]*(\\.\\d+)?", "\\$\\$Lambda");
        return type + "." + frame.getMethod().getName();
    }

    /** Two Markdown tables of the top {@link #TOP}, with what share of all samples each method had. */
    String markdown() {
        int withApp = byAppFrame.values().stream().mapToInt(Integer::intValue).sum();
        return String.format(
                        Locale.ROOT,
                        "%d execution samples (every 10 ms, of the threads then running Java code: the JIT's,"
                                + " the GC's and native code's CPU are not in them); %d (%.0f%%) with a stand-in frame in their stack (the stand-in is in"
                                + " the same JVM), %d (%.0f%%) with an app frame in their stack.%n%n",
                        samples,
                        standInSamples,
                        percent(standInSamples),
                        withApp,
                        percent(withApp))
                + "By top frame (where the CPU was):\n\n"
                + table(byTopFrame)
                + "\nBy top app frame (the app's own method nearest the top, whatever library code ran below it):\n\n"
                + table(byAppFrame);
    }

    private String table(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder("| method | samples | share of all samples |\n|---|---:|---:|\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(TOP)
                .forEach(e -> sb.append(String.format(
                        Locale.ROOT, "| `%s` | %d | %.1f%% |%n", e.getKey(), e.getValue(), percent(e.getValue()))));
        return sb.toString();
    }

    private double percent(int count) {
        return samples == 0 ? 0 : 100.0 * count / samples;
    }
}
