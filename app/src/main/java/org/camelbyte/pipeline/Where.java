package org.camelbyte.pipeline;

/**
 * Where in pipelines.yaml a problem is, as the start of its one error sentence: the file, the pipeline or
 * group ({@code owner}, null at the file's top), and the key. Keys under {@code defaults:} carry its prefix.
 */
record Where(String file, String owner, String keyPrefix) {

    static Where top(String file) {
        return new Where(file, null, "");
    }

    static Where defaults(String file) {
        return new Where(file, null, "defaults.");
    }

    static Where owner(String file, String owner) {
        return new Where(file, owner, "");
    }

    /** The key (an empty one: the owner itself, or the file), e.g. {@code p.yaml: pipeline 'orders', key 'timeout'}. */
    String subject(String key) {
        if (key.isEmpty()) {
            return owner == null ? file : file + ": " + owner;
        }
        return file + ": " + (owner == null ? "" : owner + ", ") + "key '" + keyPrefix + key + "'";
    }

    PipelineConfigException mustBe(String key, String what) {
        return new PipelineConfigException(subject(key) + " must be " + what + ".");
    }

    PipelineConfigException is(String key, Object value, String what) {
        return new PipelineConfigException(subject(key) + " is '" + value + "'; use " + what + ".");
    }

    PipelineConfigException problem(String key, String sentenceEnd) {
        return new PipelineConfigException(subject(key) + " " + sentenceEnd);
    }
}
