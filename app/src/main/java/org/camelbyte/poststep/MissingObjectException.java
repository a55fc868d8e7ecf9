package org.camelbyte.poststep;

/** A check names a table or column the database does not have; the message is the sentence for the result. */
public final class MissingObjectException extends Exception {

    public MissingObjectException(String sentence) {
        super(sentence);
    }
}
