package org.camelbyte.pipeline;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What to write for a key of pipelines.yaml, or for a whole section, as the end of an error sentence ("must
 * be ..." or "is 'x'; use ..."): kept beside the key so that the sentence and the key set never drift apart.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
@interface WriteAs {
    String value();
}
