package org.camelbyte.poststep;

/** A post-sync section that cannot be used; the message is one sentence naming the pipeline, the key and what is expected. */
public final class PostSyncConfigException extends IllegalArgumentException {

    public PostSyncConfigException(String sentence) {
        super(sentence);
    }
}
