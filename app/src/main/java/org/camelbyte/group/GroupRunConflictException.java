package org.camelbyte.group;

/** The group run is not in a state that allows this (retrying one still running or one that succeeded). */
public class GroupRunConflictException extends RuntimeException {
    public GroupRunConflictException(String message) {
        super(message);
    }
}
