package org.camelbyte.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.camelbyte.airbyte.Durations;

/**
 * Binds pipelines.yaml into {@link PipelinesDocument} with one Jackson mapping; what Jackson refuses
 * becomes one sentence naming the key ({@link BindingErrors}).
 */
final class PipelinesMapping {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            // a misspelt key is refused, never ignored: an ignored "timout" would silently keep the default
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // concurrency: 2.5 is a mistake, not 2
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // cancelOnTimeout: 1 is refused, not read as true: a yes-or-no key takes true or false
            .withCoercionConfig(
                    LogicalType.Boolean, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .addModule(new SimpleModule().addDeserializer(Duration.class, new DurationText()))
            .build();

    private PipelinesMapping() {}

    static PipelinesDocument read(String file, String yaml) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new PipelineConfigException(
                    file + " is not valid YAML (" + firstLine(e.getMessage()) + "); fix the syntax at that line.");
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return new PipelinesDocument(null, null, null);
        }
        try {
            return YAML.treeToValue(tree, PipelinesDocument.class);
        } catch (UnrecognizedPropertyException e) {
            throw BindingErrors.unknownKey(file, tree, e);
        } catch (MismatchedInputException e) {
            throw BindingErrors.mismatch(file, tree, e);
        } catch (JsonMappingException e) {
            // no record creator of ours throws, so this is a Jackson failure of another kind: say where
            throw BindingErrors.other(file, tree, e, firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new PipelineConfigException(file + " cannot be read (" + firstLine(e.getOriginalMessage()) + ").");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }

    /** {@link Durations}, the one way durations are written in config, as a Jackson type. */
    private static final class DurationText extends StdScalarDeserializer<Duration> {
        DurationText() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            String text = p.getValueAsString();
            Optional<Duration> duration = Durations.tryParse(text);
            if (duration.isPresent()) {
                return duration.get();
            }
            return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, "not a duration");
        }
    }
}
