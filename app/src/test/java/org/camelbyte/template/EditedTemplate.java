package org.camelbyte.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The shipped route files, copied to a folder of their own and edited as a team would: the shipped template
 * with their own steps inserted before a step of ours. The app under test loads that folder instead of
 * {@code routes/}.
 */
final class EditedTemplate {
    private final Path dir;
    private String template;

    private EditedTemplate(Path dir, String template) {
        this.dir = dir;
        this.template = template;
    }

    static EditedTemplate ofShippedRoutes() throws IOException {
        Path dir = Files.createTempDirectory("team-routes");
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return new EditedTemplate(dir, Files.readString(dir.resolve("airbyte-sync.camel.yaml")));
    }

    /** Inserts YAML steps (indented as the template's steps) right before {@code - to: <endpoint>}. */
    EditedTemplate before(String endpoint, String steps) {
        String anchor = "          - to: " + endpoint + "\n";
        if (!template.contains(anchor)) {
            throw new IllegalStateException("the shipped template has no step '" + anchor.trim() + "'");
        }
        template = template.replace(anchor, steps.stripTrailing() + "\n" + anchor);
        return this;
    }

    /** Removes the line {@code - to: <endpoint>} (or any other whole line) from the template. */
    EditedTemplate without(String line) {
        String whole = template.lines()
                .filter(l -> l.trim().equals(line))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the shipped template has no line '" + line + "'"));
        template = template.replace(whole + "\n", "");
        return this;
    }

    /** Writes the edited template; answers the value for {@code camel.main.routes-include-pattern}. */
    String write() throws IOException {
        Files.writeString(dir.resolve("airbyte-sync.camel.yaml"), template);
        return "file:" + dir + "/*.camel.yaml";
    }
}
